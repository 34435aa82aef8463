import type { PhysicalConnectionRequirements } from '@aws-sdk/client-glue';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { WireInput } from '../../endpoint/wire-shape.ts';
import type { RegionNetwork, SecurityGroupRecord, SecurityGroupRule, SubnetRecord } from '../../ec2/network-state.ts';
import { routeState } from '../../ec2/route-table-operations.ts';

/**
 * What Glue checks of a connection's network before it tries the database, against the
 * account's emulated EC2 network:
 * 1. the subnet exists, and lies in the connection's AvailabilityZone;
 * 2. the security groups exist (in the subnet's VPC);
 * 3. at least one group opens all ports inbound, and at least one opens all ports outbound,
 *    to itself or to everything (both failures are answered together, ingress first);
 * 4. the subnet's route table (its explicit association, else the VPC's main table) routes to an
 *    S3 gateway endpoint or to an available NAT gateway.
 * Glue does not document the order of these checks; this one is inferred from the reports the
 * texts come from (the security-group text came first where both applied). Each failure is
 * InvalidInputException with the text users quote; what the harness saw goes to the diagnosis.
 * A connection without a SubnetId has no VPC to check and is left to the database test.
 */
export function checkNetworkPreconditions(requirements: WireInput<PhysicalConnectionRequirements> | undefined, network: RegionNetwork, scope: CallScope): void {
  const subnetId = requirements?.SubnetId;
  if (subnetId === undefined) return;
  const subnet = checkSubnet(subnetId, requirements!.AvailabilityZone, network, scope);
  const groups = checkSecurityGroups(requirements!.SecurityGroupIdList ?? [], subnet, network, scope);
  checkRules(groups, scope);
  checkS3Route(subnet, network, scope);
}

function fail(text: string): never {
  throw new AwsError('InvalidInputException', text);
}

function checkSubnet(subnetId: string, availabilityZone: string | undefined, network: RegionNetwork, scope: CallScope): SubnetRecord {
  const subnet = network.subnets.get(subnetId);
  if (!subnet) {
    scope.diagnose('network-subnet-not-found', `Subnet ${subnetId} does not exist in ${network.region} of the emulated account.`, 'Create it (ec2 create-subnet, or given.network.subnets in a scenario) or name an existing subnet in PhysicalConnectionRequirements.SubnetId.');
    fail(scope.message('glue.network.subnet-not-found', { subnetId }));
  }
  if (availabilityZone !== undefined && availabilityZone !== subnet.availabilityZone) {
    scope.diagnose('network-availability-zone', `The connection says AvailabilityZone ${availabilityZone}, but subnet ${subnet.id} is in ${subnet.availabilityZone}.`, `Set PhysicalConnectionRequirements.AvailabilityZone to ${subnet.availabilityZone}.`);
    fail(scope.message('glue.network.az-subnet-mismatch', { availabilityZone }));
  }
  return subnet;
}

function checkSecurityGroups(groupIds: readonly string[], subnet: SubnetRecord, network: RegionNetwork, scope: CallScope): SecurityGroupRecord[] {
  return groupIds.map((groupId) => {
    const group = network.securityGroups.get(groupId);
    if (!group || group.vpcId !== subnet.vpcId) {
      const seen = group ? `is in ${group.vpcId}, not in the subnet's VPC ${subnet.vpcId}` : `does not exist in ${network.region} of the emulated account`;
      scope.diagnose('network-security-group-not-found', `Security group ${groupId} ${seen}.`, `Name security groups of ${subnet.vpcId} in PhysicalConnectionRequirements.SecurityGroupIdList.`);
      fail(scope.message('glue.network.security-group-not-found', { groupId, vpcId: subnet.vpcId }));
    }
    return group;
  });
}

/** All TCP ports (or all traffic) to or from the group itself, or to or from anywhere. */
function opensAllPorts(rule: SecurityGroupRule, group: SecurityGroupRecord): boolean {
  const allPorts = rule.protocol === '-1' || (rule.protocol === 'tcp' && rule.fromPort === 0 && rule.toPort === 65535);
  const peer = rule.groupId === group.id || rule.cidrIpv4 === '0.0.0.0/0';
  return allPorts && peer;
}

function checkRules(groups: readonly SecurityGroupRecord[], scope: CallScope): void {
  const ingress = groups.some((group) => group.rules.some((rule) => !rule.isEgress && opensAllPorts(rule, group)));
  const egress = groups.some((group) => group.rules.some((rule) => rule.isEgress && opensAllPorts(rule, group)));
  if (ingress && egress) return;
  const failures: string[] = [];
  const ids = groups.map((group) => group.id).join(', ') || 'none';
  if (!ingress) {
    scope.diagnose(
      'network-no-self-referencing-ingress',
      `None of the connection's security groups (${ids}) has an inbound rule for all TCP ports from itself or from 0.0.0.0/0. Inbound rules: ${describeRules(groups, false)}.`,
      `Add a self-referencing rule: aws ec2 authorize-security-group-ingress --group-id ${groups[0]?.id ?? 'sg-…'} --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=${groups[0]?.id ?? 'sg-…'}}]'`,
    );
    failures.push(scope.message('glue.network.no-self-referencing-ingress'));
  }
  if (!egress) {
    scope.diagnose(
      'network-no-all-egress',
      `None of the connection's security groups (${ids}) has an outbound rule for all TCP ports to itself or to 0.0.0.0/0. Outbound rules: ${describeRules(groups, true)}.`,
      `Add an outbound rule: aws ec2 authorize-security-group-egress --group-id ${groups[0]?.id ?? 'sg-…'} --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'`,
    );
    failures.push(scope.message('glue.network.no-all-egress'));
  }
  // A job run quoting both shows them joined by one space (see the egress entry's source).
  fail(failures.join(' '));
}

function describeRules(groups: readonly SecurityGroupRecord[], egress: boolean): string {
  const rules = groups.flatMap((group) =>
    group.rules
      .filter((rule) => rule.isEgress === egress)
      .map((rule) => {
        const ports = rule.protocol === '-1' ? 'all traffic' : `${rule.protocol} ${rule.fromPort ?? -1}-${rule.toPort ?? -1}`;
        const peer = rule.groupId === group.id ? 'itself' : (rule.groupId ?? rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.prefixListId);
        return `${group.id}: ${ports} ${egress ? 'to' : 'from'} ${peer}`;
      }),
  );
  return rules.length > 0 ? rules.join('; ') : 'none';
}

function checkS3Route(subnet: SubnetRecord, network: RegionNetwork, scope: CallScope): void {
  const { table, explicit } = network.routeTableOf(subnet);
  const s3 = `com.amazonaws.${network.region}.s3`;
  const found = table.routes.some((route) => {
    if (routeState(route, network) !== 'active') return false;
    if (route.natGatewayId !== undefined) return route.destinationCidrBlock === '0.0.0.0/0';
    const endpoint = route.gatewayId !== undefined ? network.vpcEndpoints.get(route.gatewayId) : undefined;
    return endpoint?.serviceName === s3;
  });
  if (found) return;
  const elsewhere = [...network.vpcEndpoints.values()].filter((endpoint) => endpoint.vpcId === subnet.vpcId && endpoint.serviceName === s3);
  const note = elsewhere.length > 0 ? ` The VPC's S3 endpoint ${elsewhere.map((endpoint) => `${endpoint.id} is on ${endpoint.routeTableIds.join(', ') || 'no route table'}`).join('; ')}.` : '';
  scope.diagnose(
    'network-no-s3-route',
    `Subnet ${subnet.id} routes by ${table.id} (${explicit ? 'its explicit association' : `the main route table of ${subnet.vpcId}`}), which has no route to an S3 gateway endpoint (${s3}) nor 0.0.0.0/0 to an available NAT gateway.${note}`,
    `aws ec2 create-vpc-endpoint --vpc-id ${subnet.vpcId} --vpc-endpoint-type Gateway --service-name ${s3} --route-table-ids ${table.id}, or a route 0.0.0.0/0 to a NAT gateway in ${table.id}`,
  );
  fail(scope.message('glue.network.no-s3-endpoint', { subnetId: subnet.id, vpcId: subnet.vpcId }));
}
