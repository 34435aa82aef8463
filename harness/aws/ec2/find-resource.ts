import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { isEc2Id } from './ec2-id.ts';
import type { NatGatewayRecord, RegionNetwork, RouteTableRecord, SecurityGroupRecord, SubnetRecord, VpcEndpointRecord, VpcRecord } from './network-state.ts';

type Scope = CallScope<Ec2MessageId>;

/** A lookup by id that answers EC2's malformed and not-found errors. */
function find<R>(
  records: ReadonlyMap<string, R>,
  id: string,
  prefix: string,
  codes: { malformed?: string; notFound: string },
  notFound: () => string,
  scope: Scope,
): R {
  if (codes.malformed && !isEc2Id(prefix, id)) throw new AwsError(codes.malformed, scope.message('ec2.id.malformed', { id }));
  const record = records.get(id);
  if (!record) throw new AwsError(codes.notFound, notFound());
  return record;
}

export function findVpc(network: RegionNetwork, vpcId: string, scope: Scope): VpcRecord {
  return find(network.vpcs, vpcId, 'vpc', { malformed: 'InvalidVpcID.Malformed', notFound: 'InvalidVpcID.NotFound' }, () => scope.message('ec2.vpc.not-found', { vpcId }), scope);
}

export function findSubnet(network: RegionNetwork, subnetId: string, scope: Scope): SubnetRecord {
  return find(network.subnets, subnetId, 'subnet', { malformed: 'InvalidSubnetID.Malformed', notFound: 'InvalidSubnetID.NotFound' }, () => scope.message('ec2.subnet.not-found', { subnetId }), scope);
}

export function findSecurityGroup(network: RegionNetwork, groupId: string, scope: Scope): SecurityGroupRecord {
  return find(network.securityGroups, groupId, 'sg', { malformed: 'InvalidGroupId.Malformed', notFound: 'InvalidGroup.NotFound' }, () => scope.message('ec2.security-group.not-found', { groupId }), scope);
}

export function findRouteTable(network: RegionNetwork, routeTableId: string, scope: Scope): RouteTableRecord {
  return find(network.routeTables, routeTableId, 'rtb', { malformed: 'InvalidRouteTableId.Malformed', notFound: 'InvalidRouteTableID.NotFound' }, () => scope.message('ec2.route-table.not-found', { routeTableId }), scope);
}

export function findVpcEndpoint(network: RegionNetwork, vpcEndpointId: string, scope: Scope): VpcEndpointRecord {
  return find(network.vpcEndpoints, vpcEndpointId, 'vpce', { notFound: 'InvalidVpcEndpointId.NotFound' }, () => scope.message('ec2.vpc-endpoint.not-found', { vpcEndpointId }), scope);
}

export function findNatGateway(network: RegionNetwork, natGatewayId: string, scope: Scope): NatGatewayRecord {
  return find(network.natGateways, natGatewayId, 'nat', { notFound: 'NatGatewayNotFound' }, () => scope.message('ec2.nat-gateway.not-found', { natGatewayId }), scope);
}
