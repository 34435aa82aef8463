import {
  AssociateRouteTableCommand, AuthorizeSecurityGroupEgressCommand, AuthorizeSecurityGroupIngressCommand, CreateNatGatewayCommand, CreateRouteCommand, CreateRouteTableCommand,
  CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, CreateVpcEndpointCommand, DeleteNatGatewayCommand, DeleteRouteTableCommand, DeleteSecurityGroupCommand,
  DeleteSubnetCommand, DeleteVpcCommand, DeleteVpcEndpointsCommand, DescribeNatGatewaysCommand, DescribeRouteTablesCommand, DescribeSecurityGroupsCommand, DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand, DescribeVpcsCommand, DisassociateRouteTableCommand, EC2Client, RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../index.ts';
import { failure } from '../testing/sdk-failure.ts';

let aws: StartedAwsEndpoint;
let ec2: EC2Client;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
  ec2 = new EC2Client(aws.getClientConfig());
});

afterAll(async () => {
  ec2.destroy();
  await aws.stop();
});

const ID = /^[a-z]+-[0-9a-f]{17}$/;

async function vpc(cidr = '10.0.0.0/16') {
  return (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'main' }] }] }))).Vpc!;
}

describe('EC2 through @aws-sdk/client-ec2', () => {
  it('creates a VPC with its main route table and default security group, and describes it by id, filter and tag', async () => {
    const created = await vpc();
    expect(created.VpcId).toMatch(ID);
    expect(created).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'pending', IsDefault: false, Tags: [{ Key: 'Name', Value: 'main' }] });
    const [described] = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [created.VpcId!] }))).Vpcs!;
    expect(described).toMatchObject({ VpcId: created.VpcId, State: 'available' });
    expect((await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['ma*'] }, { Name: 'vpc-id', Values: [created.VpcId!] }] }))).Vpcs).toHaveLength(1);
    const tables = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [created.VpcId!] }] }))).RouteTables!;
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }] });
    const [group] = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [created.VpcId!] }] }))).SecurityGroups!;
    expect(group).toMatchObject({ GroupName: 'default', IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: group!.GroupId }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
  });

  it("answers EC2's errors for VPCs", async () => {
    const missing = await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] })));
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual(['InvalidVpcID.NotFound', "The vpc ID 'vpc-0123456789abcdef0' does not exist", 400]);
    expect((await failure(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-nothex'] })))).name).toBe('InvalidVpcID.Malformed');
    expect((await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/8' })))).name).toBe('InvalidVpc.Range');
    const malformed = await failure(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.300/16' })));
    expect([malformed.name, malformed.message]).toEqual(['InvalidParameterValue', 'Value (10.0.0.300/16) for parameter cidrBlock is invalid. This is not a valid CIDR block.']);
    const bad = await failure(ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })));
    expect([bad.name, bad.message]).toEqual(['InvalidParameterValue', "The filter 'colour' is invalid"]);
  });

  it('creates subnets inside the VPC block, in a zone of the region, without overlap; refuses deleting a VPC that has them', async () => {
    const { VpcId } = await vpc('10.1.0.0/16');
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.1.1.0/24', AvailabilityZone: 'us-east-1c' }))).Subnet!;
    expect(subnet).toMatchObject({ AvailabilityZone: 'us-east-1c', AvailabilityZoneId: 'use1-az3', AvailableIpAddressCount: 251, VpcId });
    expect((await failure(ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.2.0.0/24' })))).message).toBe("The CIDR '10.2.0.0/24' is invalid.");
    expect((await failure(ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.1.1.128/25' })))).message).toBe("The CIDR '10.1.1.128/25' conflicts with another subnet");
    const zone = await failure(ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.1.2.0/24', AvailabilityZone: 'eu-west-1a' })));
    expect(zone.message).toBe('Value (eu-west-1a) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.');
    expect((await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId!] }, { Name: 'availability-zone', Values: ['us-east-1c'] }] }))).Subnets).toHaveLength(1);
    const dependency = await failure(ec2.send(new DeleteVpcCommand({ VpcId })));
    expect([dependency.name, dependency.message]).toEqual(['DependencyViolation', `The vpc '${VpcId}' has dependencies and cannot be deleted.`]);
    await ec2.send(new DeleteSubnetCommand({ SubnetId: subnet.SubnetId }));
    await ec2.send(new DeleteVpcCommand({ VpcId }));
    expect((await failure(ec2.send(new DescribeSubnetsCommand({ SubnetIds: [subnet.SubnetId!] })))).name).toBe('InvalidSubnetID.NotFound');
  });

  it('keeps security-group rules per peer, refuses duplicates and unknown peers, revokes, and guards deletion', async () => {
    const { VpcId } = await vpc('10.2.0.0/16');
    const a = (await ec2.send(new CreateSecurityGroupCommand({ VpcId, GroupName: 'a', Description: 'A' }))).GroupId!;
    const b = (await ec2.send(new CreateSecurityGroupCommand({ VpcId, GroupName: 'b', Description: 'B' }))).GroupId!;
    expect((await failure(ec2.send(new CreateSecurityGroupCommand({ VpcId, GroupName: 'a', Description: 'again' })))).message).toBe(`The security group 'a' already exists for VPC '${VpcId}'`);
    const rules = await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: a }, { GroupId: b }] }] }));
    expect(rules.SecurityGroupRules).toHaveLength(2);
    const duplicate = await failure(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: '6', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: b }] }] })));
    expect([duplicate.name, duplicate.message]).toEqual(['InvalidPermission.Duplicate', `the specified rule "peer: ${b}, TCP, from port: 0, to port: 65535, ALLOW" already exists`]);
    const egress = await failure(ec2.send(new AuthorizeSecurityGroupEgressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] })));
    expect(egress.message).toBe('the specified rule "peer: 0.0.0.0/0, ALL, ALLOW" already exists');
    expect((await failure(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0123456789abcdef0' }] }] })))).name).toBe('InvalidGroup.NotFound');
    expect((await failure(ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', UserIdGroupPairs: [{ GroupId: a }] }] })))).name).toBe('InvalidParameterValue');
    const [described] = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [a] }))).SecurityGroups!;
    expect(described!.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [expect.objectContaining({ GroupId: a }), expect.objectContaining({ GroupId: b })] })]);
    const inUse = await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: b })));
    expect([inUse.name, inUse.message]).toEqual(['DependencyViolation', `resource ${b} has a dependent object`]);
    await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: b }] }] }));
    expect((await failure(ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: a, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: b }] }] })))).name).toBe('InvalidPermission.NotFound');
    await ec2.send(new DeleteSecurityGroupCommand({ GroupId: b }));
    const [defaultGroup] = (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId!] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups!;
    expect((await failure(ec2.send(new DeleteSecurityGroupCommand({ GroupId: defaultGroup!.GroupId })))).name).toBe('CannotDelete');
  });

  it('routes through gateway endpoints and NAT gateways, and removes their routes with them', async () => {
    const { VpcId } = await vpc('10.3.0.0/16');
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.3.0.0/24' }))).Subnet!.SubnetId!;
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId }))).RouteTable!.RouteTableId!;
    const { AssociationId } = await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnet }));
    expect((await failure(ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnet })))).name).toBe('Resource.AlreadyAssociated');
    const endpoint = (await ec2.send(new CreateVpcEndpointCommand({ VpcId, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [table] }))).VpcEndpoint!;
    expect(endpoint).toMatchObject({ VpcEndpointType: 'Gateway', State: 'available', RouteTableIds: [table] });
    expect((await failure(ec2.send(new CreateVpcEndpointCommand({ VpcId, ServiceName: 'com.amazonaws.us-east-1.nothing' })))).name).toBe('InvalidServiceName');
    const nat = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnet, ConnectivityType: 'private' }))).NatGateway!.NatGatewayId!;
    expect((await failure(ec2.send(new CreateNatGatewayCommand({ SubnetId: subnet })))).message).toBe('The request must contain the parameter allocationId');
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat }));
    expect((await failure(ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat })))).name).toBe('RouteAlreadyExists');
    const routes = () => ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnet] }] })).then((answer) => answer.RouteTables![0]!.Routes!);
    expect(await routes()).toEqual([
      expect.objectContaining({ GatewayId: 'local' }),
      expect.objectContaining({ GatewayId: endpoint.VpcEndpointId, DestinationPrefixListId: expect.stringMatching(/^pl-/) }),
      expect.objectContaining({ NatGatewayId: nat, State: 'active' }),
    ]);
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat }));
    expect((await ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [nat] }))).NatGateways![0]!.State).toBe('deleted');
    expect((await routes()).at(-1)).toMatchObject({ NatGatewayId: nat, State: 'blackhole' });
    const deleted = await ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [endpoint.VpcEndpointId!, 'vpce-0123456789abcdef0'] }));
    expect(deleted.Unsuccessful).toEqual([expect.objectContaining({ ResourceId: 'vpce-0123456789abcdef0' })]);
    expect(await routes()).toHaveLength(2);
    expect((await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [VpcId!] }] }))).VpcEndpoints).toEqual([]);
    expect((await failure(ec2.send(new DeleteRouteTableCommand({ RouteTableId: table })))).name).toBe('DependencyViolation');
    await ec2.send(new DisassociateRouteTableCommand({ AssociationId }));
    await ec2.send(new DeleteRouteTableCommand({ RouteTableId: table }));
    expect((await failure(ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-0123456789abcdef0'] })))).message).toBe('NAT gateway nat-0123456789abcdef0 was not found');
  });

  it('keeps each region to itself', async () => {
    const { VpcId } = await vpc('10.4.0.0/16');
    const west = new EC2Client({ ...aws.getClientConfig(), region: 'eu-west-1' });
    try {
      expect((await failure(west.send(new DescribeVpcsCommand({ VpcIds: [VpcId!] })))).name).toBe('InvalidVpcID.NotFound');
    } finally {
      west.destroy();
    }
  });
});
