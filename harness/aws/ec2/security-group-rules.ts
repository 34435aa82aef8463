import type {
  AuthorizeSecurityGroupEgressCommandInput, AuthorizeSecurityGroupEgressCommandOutput, AuthorizeSecurityGroupIngressCommandInput, AuthorizeSecurityGroupIngressCommandOutput,
  IpPermission, RevokeSecurityGroupEgressCommandInput, RevokeSecurityGroupEgressCommandOutput, RevokeSecurityGroupIngressCommandInput, RevokeSecurityGroupIngressCommandOutput,
  SecurityGroupRule as SdkSecurityGroupRule,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import type { CallScope } from '../endpoint/call-scope.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireInput, WireOutput } from '../endpoint/wire-shape.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { findSecurityGroup } from './find-resource.ts';
import { describeRule, rulesFromPermissions, sameRule } from './ip-permissions.ts';
import type { NetworkState, SecurityGroupRecord, SecurityGroupRule } from './network-state.ts';

type Scope = CallScope<Ec2MessageId>;

/**
 * Ingress also takes the older flat form (`IpProtocol`, `FromPort`, `ToPort`, `CidrIp`), which
 * the AWS CLI's `--protocol/--port/--cidr` options send.
 */
function permissionsOf(input: WireInput<AuthorizeSecurityGroupIngressCommandInput>): WireInput<IpPermission>[] {
  const permissions = [...(input.IpPermissions ?? [])];
  if (input.IpProtocol !== undefined || input.CidrIp !== undefined) {
    permissions.push({
      IpProtocol: input.IpProtocol ?? '-1',
      ...(input.FromPort !== undefined ? { FromPort: input.FromPort } : {}),
      ...(input.ToPort !== undefined ? { ToPort: input.ToPort } : {}),
      ...(input.CidrIp !== undefined ? { IpRanges: [{ CidrIp: input.CidrIp }] } : {}),
    });
  }
  return permissions;
}

function groupOf(input: { GroupId?: string }, state: NetworkState, scope: Scope): SecurityGroupRecord {
  if (input.GroupId === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'groupId' }));
  return findSecurityGroup(state.region(scope.region), input.GroupId, scope);
}

function authorize(group: SecurityGroupRecord, rules: SecurityGroupRule[], scope: Scope): WireOutput<SdkSecurityGroupRule>[] {
  const kept: SecurityGroupRule[] = [];
  for (const rule of rules) {
    if ([...group.rules, ...kept].some((existing) => sameRule(existing, rule))) {
      throw new AwsError('InvalidPermission.Duplicate', scope.message('ec2.permission.duplicate', describeRule(rule)));
    }
    kept.push(rule);
  }
  group.rules = [...group.rules, ...kept];
  return kept.map((rule) => ({
    SecurityGroupRuleId: rule.id,
    GroupId: group.id,
    GroupOwnerId: scope.accountId,
    IsEgress: rule.isEgress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort ?? -1,
    ToPort: rule.toPort ?? -1,
    ...(rule.cidrIpv4 !== undefined ? { CidrIpv4: rule.cidrIpv4 } : {}),
    ...(rule.cidrIpv6 !== undefined ? { CidrIpv6: rule.cidrIpv6 } : {}),
    ...(rule.prefixListId !== undefined ? { PrefixListId: rule.prefixListId } : {}),
    ...(rule.groupId !== undefined ? { ReferencedGroupInfo: { GroupId: rule.groupId, UserId: scope.accountId } } : {}),
    ...(rule.description !== undefined ? { Description: rule.description } : {}),
    SecurityGroupRuleArn: `arn:aws:ec2:${scope.region}:${scope.accountId}:security-group-rule/${rule.id}`,
  }));
}

/** Every rule asked for must exist; none is removed otherwise. */
function revoke(group: SecurityGroupRecord, rules: SecurityGroupRule[], scope: Scope): void {
  for (const rule of rules) {
    if (!group.rules.some((existing) => sameRule(existing, rule))) throw new AwsError('InvalidPermission.NotFound', scope.message('ec2.permission.not-found'));
  }
  group.rules = group.rules.filter((existing) => !rules.some((rule) => sameRule(existing, rule)));
}

export const authorizeSecurityGroupIngress = defineOperation<AuthorizeSecurityGroupIngressCommandInput, AuthorizeSecurityGroupIngressCommandOutput, NetworkState, Ec2MessageId>({
  name: 'AuthorizeSecurityGroupIngress',
  handle(input, { scope, state }) {
    const group = groupOf(input, state, scope);
    const rules = rulesFromPermissions(permissionsOf(input), false, state.region(scope.region), scope);
    return { Return: true, SecurityGroupRules: authorize(group, rules, scope) };
  },
});

export const authorizeSecurityGroupEgress = defineOperation<AuthorizeSecurityGroupEgressCommandInput, AuthorizeSecurityGroupEgressCommandOutput, NetworkState, Ec2MessageId>({
  name: 'AuthorizeSecurityGroupEgress',
  handle(input, { scope, state }) {
    const group = groupOf(input, state, scope);
    const rules = rulesFromPermissions(input.IpPermissions ?? [], true, state.region(scope.region), scope);
    return { Return: true, SecurityGroupRules: authorize(group, rules, scope) };
  },
});

export const revokeSecurityGroupIngress = defineOperation<RevokeSecurityGroupIngressCommandInput, RevokeSecurityGroupIngressCommandOutput, NetworkState, Ec2MessageId>({
  name: 'RevokeSecurityGroupIngress',
  handle(input, { scope, state }) {
    const group = groupOf(input, state, scope);
    revoke(group, rulesFromPermissions(permissionsOf(input), false, state.region(scope.region), scope), scope);
    return { Return: true };
  },
});

export const revokeSecurityGroupEgress = defineOperation<RevokeSecurityGroupEgressCommandInput, RevokeSecurityGroupEgressCommandOutput, NetworkState, Ec2MessageId>({
  name: 'RevokeSecurityGroupEgress',
  handle(input, { scope, state }) {
    const group = groupOf(input, state, scope);
    revoke(group, rulesFromPermissions(input.IpPermissions ?? [], true, state.region(scope.region), scope), scope);
    return { Return: true };
  },
});

export const securityGroupRuleOperations = [authorizeSecurityGroupIngress, authorizeSecurityGroupEgress, revokeSecurityGroupIngress, revokeSecurityGroupEgress];
