import { randomBytes } from 'node:crypto';
import type { NetworkConfig } from './schema/network-schema.ts';

/** Calls one EC2 operation and answers its output; a failure throws, naming `where`. */
export type Ec2Call = (operation: string, input: Record<string, unknown>, where: string) => Promise<Record<string, any>>;

type Rule = NetworkConfig['securityGroups'][string]['ingress'][number];

/** What `{{ network.… }}` references read. */
export interface NetworkValues {
  vpcs: Record<string, { id: string; cidrBlock: string; mainRouteTableId: string; defaultSecurityGroupId: string }>;
  subnets: Record<string, { id: string; vpcId: string; cidrBlock: string; availabilityZone: string }>;
  securityGroups: Record<string, { id: string; name: string }>;
  natGateways: Record<string, { id: string }>;
  routeTables: Record<string, { id: string }>;
  s3Endpoints: Record<string, { id: string }>;
}

/**
 * Builds `given.network` through EC2's own calls, in the order EC2 needs: VPCs, subnets,
 * security groups and then their rules (a rule may name a group declared after it), NAT
 * gateways, route tables (associations, routes), S3 gateway endpoints. Aliases were checked
 * when the file loaded (checkNetworkAliases), so every lookup here finds its resource.
 */
export async function createNetwork(network: NetworkConfig, region: string, call: Ec2Call, step: (text: string) => void): Promise<NetworkValues> {
  const values: NetworkValues = { vpcs: {}, subnets: {}, securityGroups: {}, natGateways: {}, routeTables: {}, s3Endpoints: {} };
  const tag = (resourceType: string, alias: string) => [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: alias }] }];
  for (const [alias, vpc] of Object.entries(network.vpcs)) {
    step(`creating VPC ${alias}`);
    const where = `given.network.vpcs.${alias}`;
    const { Vpc } = await call('CreateVpc', { CidrBlock: vpc.cidrBlock, TagSpecifications: tag('vpc', alias) }, where);
    const filters = [{ Name: 'vpc-id', Values: [Vpc.VpcId] }];
    const { RouteTables } = await call('DescribeRouteTables', { Filters: [...filters, { Name: 'association.main', Values: ['true'] }] }, where);
    const { SecurityGroups } = await call('DescribeSecurityGroups', { Filters: [...filters, { Name: 'group-name', Values: ['default'] }] }, where);
    values.vpcs[alias] = { id: Vpc.VpcId, cidrBlock: Vpc.CidrBlock, mainRouteTableId: RouteTables[0].RouteTableId, defaultSecurityGroupId: SecurityGroups[0].GroupId };
  }
  for (const [alias, subnet] of Object.entries(network.subnets)) {
    step(`creating subnet ${alias}`);
    const input = { VpcId: values.vpcs[subnet.vpc]!.id, CidrBlock: subnet.cidrBlock, ...(subnet.availabilityZone ? { AvailabilityZone: subnet.availabilityZone } : {}), TagSpecifications: tag('subnet', alias) };
    const { Subnet } = await call('CreateSubnet', input, `given.network.subnets.${alias}`);
    values.subnets[alias] = { id: Subnet.SubnetId, vpcId: Subnet.VpcId, cidrBlock: Subnet.CidrBlock, availabilityZone: Subnet.AvailabilityZone };
  }
  for (const [alias, group] of Object.entries(network.securityGroups)) {
    step(`creating security group ${alias}`);
    const name = group.name ?? alias;
    const input = { VpcId: values.vpcs[group.vpc]!.id, GroupName: name, Description: group.description ?? `partner-harness ${alias}`, TagSpecifications: tag('security-group', alias) };
    const { GroupId } = await call('CreateSecurityGroup', input, `given.network.securityGroups.${alias}`);
    values.securityGroups[alias] = { id: GroupId, name };
  }
  for (const [alias, group] of Object.entries(network.securityGroups)) {
    const where = `given.network.securityGroups.${alias}`;
    const groupId = values.securityGroups[alias]!.id;
    const permissions = (rules: readonly Rule[]) => rules.map((rule) => permission(rule, groupId, values));
    if (group.ingress.length > 0) await call('AuthorizeSecurityGroupIngress', { GroupId: groupId, IpPermissions: permissions(group.ingress) }, `${where}.ingress`);
    if (group.egress !== undefined) {
      // Declared egress replaces the rule EC2 gives every new group.
      await call('RevokeSecurityGroupEgress', { GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, `${where}.egress`);
      if (group.egress.length > 0) await call('AuthorizeSecurityGroupEgress', { GroupId: groupId, IpPermissions: permissions(group.egress) }, `${where}.egress`);
    }
  }
  for (const [alias, nat] of Object.entries(network.natGateways)) {
    step(`creating NAT gateway ${alias}`);
    const allocation = nat.connectivity === 'public' ? { AllocationId: `eipalloc-${randomBytes(9).toString('hex').slice(0, 17)}` } : {};
    const input = { SubnetId: values.subnets[nat.subnet]!.id, ConnectivityType: nat.connectivity, ...allocation, TagSpecifications: tag('natgateway', alias) };
    const { NatGateway } = await call('CreateNatGateway', input, `given.network.natGateways.${alias}`);
    values.natGateways[alias] = { id: NatGateway.NatGatewayId };
  }
  for (const [alias, table] of Object.entries(network.routeTables)) {
    step(`creating route table ${alias}`);
    const where = `given.network.routeTables.${alias}`;
    const { RouteTable } = await call('CreateRouteTable', { VpcId: values.vpcs[table.vpc]!.id, TagSpecifications: tag('route-table', alias) }, where);
    values.routeTables[alias] = { id: RouteTable.RouteTableId };
    for (const subnet of table.subnets) await call('AssociateRouteTable', { RouteTableId: RouteTable.RouteTableId, SubnetId: values.subnets[subnet]!.id }, `${where}.subnets`);
    for (const route of table.routes) {
      await call('CreateRoute', { RouteTableId: RouteTable.RouteTableId, DestinationCidrBlock: route.destination, NatGatewayId: values.natGateways[route.natGateway]!.id }, `${where}.routes`);
    }
  }
  for (const [alias, endpoint] of Object.entries(network.s3Endpoints)) {
    step(`creating S3 endpoint ${alias}`);
    const vpc = values.vpcs[endpoint.vpc]!;
    const routeTableIds = [...(endpoint.mainRouteTable ? [vpc.mainRouteTableId] : []), ...endpoint.routeTables.map((table) => values.routeTables[table]!.id)];
    const input = { VpcId: vpc.id, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${region}.s3`, RouteTableIds: routeTableIds, TagSpecifications: tag('vpc-endpoint', alias) };
    const { VpcEndpoint } = await call('CreateVpcEndpoint', input, `given.network.s3Endpoints.${alias}`);
    values.s3Endpoints[alias] = { id: VpcEndpoint.VpcEndpointId };
  }
  return values;
}

function permission(rule: Rule, groupId: string, values: NetworkValues): Record<string, unknown> {
  const ports = rule.fromPort !== undefined || rule.toPort !== undefined ? { FromPort: rule.fromPort, ToPort: rule.toPort } : {};
  const peer = rule.cidr !== undefined
    ? { IpRanges: [{ CidrIp: rule.cidr }] }
    : { UserIdGroupPairs: [{ GroupId: rule.self ? groupId : values.securityGroups[rule.group!]!.id }] };
  return { IpProtocol: String(rule.protocol), ...ports, ...peer };
}
