import {
  AssociateRouteTableCommand, AuthorizeSecurityGroupIngressCommand, CreateNatGatewayCommand, CreateRouteCommand, CreateRouteTableCommand, CreateSecurityGroupCommand,
  CreateSubnetCommand, CreateVpcCommand, CreateVpcEndpointCommand, DeleteNatGatewayCommand, DescribeRouteTablesCommand, EC2Client, RevokeSecurityGroupEgressCommand,
} from '@aws-sdk/client-ec2';
import { CreateConnectionCommand, GlueClient, TestConnectionCommand } from '@aws-sdk/client-glue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';
import { JDBC_PREFIX } from '../../messages/glue-messages.ts';
import { failure } from '../../testing/sdk-failure.ts';

const INGRESS = 'At least one security group must open all ingress ports.To limit traffic, the source security group in your inbound rule can be restricted to the same security group';
const EGRESS = 'At least one security group must open all egress ports.To limit traffic, the source security group in your outbound rule can be restricted to the same security group';

let aws: StartedAwsEndpoint;
let ec2: EC2Client;
let glue: GlueClient;

beforeEach(async () => {
  aws = await new AwsEndpoint().start();
  ec2 = new EC2Client(aws.getClientConfig());
  glue = new GlueClient(aws.getClientConfig());
});

afterEach(async () => {
  ec2.destroy();
  glue.destroy();
  await aws.stop();
});

/** A VPC with one subnet in us-east-1a and one group that references itself (EC2's default egress kept). */
async function network() {
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!.VpcId!;
  const subnetId = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  const groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'glue', Description: 'Glue ENIs' }))).GroupId!;
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId }] }] }));
  const main = (await ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }] }))).RouteTables![0]!.RouteTableId!;
  return { vpcId, subnetId, groupId, main };
}

/** Tests a named connection to a closed port: reaching the database test proves the network passed. */
async function testConnection(requirements: { SubnetId?: string; SecurityGroupIdList?: string[]; AvailabilityZone?: string }) {
  await glue.send(new CreateConnectionCommand({
    ConnectionInput: {
      Name: 'orders',
      ConnectionType: 'JDBC',
      ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://127.0.0.1:1/orders', USERNAME: 'u', PASSWORD: 'p' },
      PhysicalConnectionRequirements: requirements,
    },
  }));
  return failure(glue.send(new TestConnectionCommand({ ConnectionName: 'orders' })));
}

function diagnosisOf(error: { $metadata: { requestId?: string } }) {
  return aws.getCall(error.$metadata.requestId!)?.diagnosis ?? [];
}

describe('Glue TestConnection network preconditions', () => {
  it('passes a subnet whose route table has an S3 gateway endpoint, then tries the database', async () => {
    const { vpcId, subnetId, groupId, main } = await network();
    await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [main] }));
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [groupId], AvailabilityZone: 'us-east-1a' });
    expect(error.message.startsWith(JDBC_PREFIX)).toBe(true);
  });

  it('passes a NAT gateway route instead of an endpoint, and fails again once the NAT gateway is deleted', async () => {
    const { vpcId, subnetId, groupId } = await network();
    const table = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: table, SubnetId: subnetId }));
    const nat = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnetId, ConnectivityType: 'private' }))).NatGateway!.NatGatewayId!;
    await ec2.send(new CreateRouteCommand({ RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat }));
    const requirements = { SubnetId: subnetId, SecurityGroupIdList: [groupId], AvailabilityZone: 'us-east-1a' };
    expect((await testConnection(requirements)).message.startsWith(JDBC_PREFIX)).toBe(true);
    await ec2.send(new DeleteNatGatewayCommand({ NatGatewayId: nat }));
    const error = await failure(glue.send(new TestConnectionCommand({ ConnectionName: 'orders' })));
    expect(error.message).toBe(`VPC S3 endpoint validation failed for SubnetId: ${subnetId}. VPC: ${vpcId}. Reason: Could not find S3 endpoint or NAT gateway for subnetId: ${subnetId} in Vpc ${vpcId}`);
  });

  it('fails without an S3 route, naming the route table and the fix in the diagnosis only', async () => {
    const { vpcId, subnetId, groupId, main } = await network();
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [groupId], AvailabilityZone: 'us-east-1a' });
    expect(error.name).toBe('InvalidInputException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`VPC S3 endpoint validation failed for SubnetId: ${subnetId}. VPC: ${vpcId}. Reason: Could not find S3 endpoint or NAT gateway for subnetId: ${subnetId} in Vpc ${vpcId}`);
    const [diagnosis] = diagnosisOf(error);
    expect(diagnosis?.code).toBe('network-no-s3-route');
    expect(diagnosis?.text).toContain(main);
    expect(diagnosis?.fix).toContain('create-vpc-endpoint');
  });

  it('fails when the endpoint is on a route table the subnet does not use', async () => {
    const { vpcId, subnetId, groupId } = await network();
    const other = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
    await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [other] }));
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [groupId] });
    expect(error.message).toContain('Could not find S3 endpoint or NAT gateway');
    expect(diagnosisOf(error)[0]?.text).toContain(`is on ${other}`);
  });

  it('checks the groups before the route, and answers ingress and egress together', async () => {
    const { vpcId, subnetId } = await network();
    const bare = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'bare', Description: 'no rules' }))).GroupId!;
    await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: bare, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [bare], AvailabilityZone: 'us-east-1a' });
    expect(error.message).toBe(`${INGRESS} ${EGRESS}`);
    expect(diagnosisOf(error).map((diagnosis) => diagnosis.code)).toEqual(['network-no-self-referencing-ingress', 'network-no-all-egress']);
  });

  it('accepts all ports open to 0.0.0.0/0 as well as to the group itself', async () => {
    const { vpcId, subnetId, main } = await network();
    await ec2.send(new CreateVpcEndpointCommand({ VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [main] }));
    const open = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'open', Description: 'open' }))).GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: open, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
    expect((await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [open] })).message.startsWith(JDBC_PREFIX)).toBe(true);
  });

  it('fails a rule for one port only', async () => {
    const { vpcId, subnetId } = await network();
    const narrow = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'narrow', Description: 'postgres only' }))).GroupId!;
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: narrow, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: narrow }] }] }));
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [narrow] });
    expect(error.message).toBe(INGRESS);
    expect(diagnosisOf(error)[0]?.text).toContain('tcp 5432-5432 from itself');
  });

  it('answers a wrong Availability Zone with the observed text, the subnet id not appended', async () => {
    const { subnetId, groupId } = await network();
    const error = await testConnection({ SubnetId: subnetId, SecurityGroupIdList: [groupId], AvailabilityZone: 'us-east-1b' });
    expect(error.message).toBe('Availability Zone us-east-1b does not correspond to subnet');
    expect(diagnosisOf(error)[0]?.fix).toContain('us-east-1a');
  });

  it('answers an unknown subnet and an unknown security group', async () => {
    const { vpcId, subnetId } = await network();
    expect((await testConnection({ SubnetId: 'subnet-0123456789abcdef0', SecurityGroupIdList: [] })).message).toBe("The subnet ID 'subnet-0123456789abcdef0' does not exist");
    // CreateConnection takes any ids: Glue checks them when the connection is tested.
    await glue.send(new CreateConnectionCommand({
      ConnectionInput: { Name: 'other', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://127.0.0.1:1/x', USERNAME: 'u', PASSWORD: 'p' }, PhysicalConnectionRequirements: { SubnetId: subnetId, SecurityGroupIdList: ['sg-0123456789abcdef0'] } },
    }));
    const missing = await failure(glue.send(new TestConnectionCommand({ ConnectionName: 'other' })));
    expect(missing.message).toBe(`The security group 'sg-0123456789abcdef0' does not exist in VPC '${vpcId}'`);
  });

  it('leaves a connection without a subnet to the database test', async () => {
    expect((await testConnection({})).message.startsWith(JDBC_PREFIX)).toBe(true);
  });
});
