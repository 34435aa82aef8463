import type { IpPermission } from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import type { WireInput, WireOutput } from '../endpoint/wire-shape.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { findSecurityGroup } from './find-resource.ts';
import { RegionNetwork, type SecurityGroupRule } from './network-state.ts';

const PROTOCOL_NAMES: Readonly<Record<string, string>> = { '-1': '-1', all: '-1', tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', icmp: 'icmp', '1': 'icmp', icmpv6: 'icmpv6', '58': 'icmpv6' };

/**
 * The rules an IpPermissions list asks for, one per peer as EC2 keeps them. `-1` (all traffic)
 * takes no ports; TCP and UDP need both; peers in other groups must exist.
 */
export function rulesFromPermissions(
  permissions: readonly WireInput<IpPermission>[],
  isEgress: boolean,
  network: RegionNetwork,
  scope: CallScope<Ec2MessageId>,
): SecurityGroupRule[] {
  return permissions.flatMap((permission) => {
    const protocol = normalizeProtocol(permission.IpProtocol ?? '', scope);
    const ports = portsOf(protocol, permission, scope);
    const base = { isEgress, protocol, ...ports };
    const rules: SecurityGroupRule[] = [
      ...(permission.IpRanges ?? []).map((range) => ({ ...base, cidrIpv4: range.CidrIp, description: range.Description })),
      ...(permission.Ipv6Ranges ?? []).map((range) => ({ ...base, cidrIpv6: range.CidrIpv6, description: range.Description })),
      ...(permission.PrefixListIds ?? []).map((list) => ({ ...base, prefixListId: list.PrefixListId, description: list.Description })),
      ...(permission.UserIdGroupPairs ?? []).map((pair) => {
        if (pair.GroupId === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'groupId' }));
        return { ...base, groupId: findSecurityGroup(network, pair.GroupId, scope).id, description: pair.Description };
      }),
    ].map((rule) => ({ id: RegionNetwork.ruleId(), ...rule }));
    if (rules.length === 0) throw new AwsError('InvalidParameterValue', scope.message('ec2.permission.no-peer'));
    return rules;
  });
}

function normalizeProtocol(protocol: string, scope: CallScope<Ec2MessageId>): string {
  const lower = protocol.toLowerCase();
  if (Object.hasOwn(PROTOCOL_NAMES, lower)) return PROTOCOL_NAMES[lower]!;
  if (/^[0-9]{1,3}$/.test(lower) && Number(lower) <= 255) return String(Number(lower));
  throw new AwsError('InvalidParameterValue', scope.message('ec2.permission.protocol', { protocol }));
}

function portsOf(protocol: string, permission: WireInput<IpPermission>, scope: CallScope<Ec2MessageId>): { fromPort?: number; toPort?: number } {
  if (protocol === 'tcp' || protocol === 'udp') {
    const { FromPort: from, ToPort: to } = permission;
    if (from === undefined || to === undefined || from < 0 || to > 65535 || from > to) {
      throw new AwsError('InvalidParameterValue', scope.message('ec2.permission.port-range'));
    }
    return { fromPort: from, toPort: to };
  }
  if (protocol === 'icmp' || protocol === 'icmpv6') return { fromPort: permission.FromPort ?? -1, toPort: permission.ToPort ?? -1 };
  return {};
}

/** Two rules allow the same traffic from the same peer. */
export function sameRule(a: SecurityGroupRule, b: SecurityGroupRule): boolean {
  return (
    a.isEgress === b.isEgress && a.protocol === b.protocol && a.fromPort === b.fromPort && a.toPort === b.toPort &&
    a.cidrIpv4 === b.cidrIpv4 && a.cidrIpv6 === b.cidrIpv6 && a.prefixListId === b.prefixListId && a.groupId === b.groupId
  );
}

/** How EC2 names a rule in InvalidPermission.Duplicate: `peer: sg-…, TCP, from port: 0, to port: 65535`. */
export function describeRule(rule: SecurityGroupRule): { peer: string; protocol: string } {
  const peer = rule.groupId ?? rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.prefixListId ?? '';
  const protocol = rule.protocol === '-1' ? 'ALL' : `${rule.protocol.toUpperCase()}, from port: ${rule.fromPort ?? -1}, to port: ${rule.toPort ?? -1}`;
  return { peer, protocol };
}

/** Rules grouped back into IpPermissions, as DescribeSecurityGroups answers them. */
export function ipPermissions(rules: readonly SecurityGroupRule[], accountId: string): WireOutput<IpPermission>[] {
  const byTraffic = new Map<string, WireOutput<IpPermission> & { IpRanges: object[]; Ipv6Ranges: object[]; PrefixListIds: object[]; UserIdGroupPairs: object[] }>();
  for (const rule of rules) {
    const key = `${rule.protocol}|${rule.fromPort}|${rule.toPort}`;
    let permission = byTraffic.get(key);
    if (!permission) {
      permission = { IpProtocol: rule.protocol, ...(rule.fromPort !== undefined ? { FromPort: rule.fromPort, ToPort: rule.toPort } : {}), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
      byTraffic.set(key, permission);
    }
    const description = rule.description !== undefined ? { Description: rule.description } : {};
    if (rule.cidrIpv4 !== undefined) permission.IpRanges.push({ CidrIp: rule.cidrIpv4, ...description });
    if (rule.cidrIpv6 !== undefined) permission.Ipv6Ranges.push({ CidrIpv6: rule.cidrIpv6, ...description });
    if (rule.prefixListId !== undefined) permission.PrefixListIds.push({ PrefixListId: rule.prefixListId, ...description });
    if (rule.groupId !== undefined) permission.UserIdGroupPairs.push({ GroupId: rule.groupId, UserId: accountId, ...description });
  }
  return [...byTraffic.values()];
}
