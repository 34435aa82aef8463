import type {
  CreateSecurityGroupCommandInput, CreateSecurityGroupCommandOutput, DeleteSecurityGroupCommandInput, DeleteSecurityGroupCommandOutput,
  DescribeSecurityGroupsCommandInput, DescribeSecurityGroupsCommandOutput, SecurityGroup,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findSecurityGroup, findVpc } from './find-resource.ts';
import { RegionNetwork, type NetworkState, type SecurityGroupRecord } from './network-state.ts';
import { ipPermissions } from './ip-permissions.ts';

/** A new group in a VPC gets EC2's default egress rule (all traffic to 0.0.0.0/0) and no ingress. */
export const createSecurityGroup = defineOperation<CreateSecurityGroupCommandInput, CreateSecurityGroupCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateSecurityGroup',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    // The emulated account has no default VPC (nor EC2-Classic), so a group needs its VPC.
    if (input.VpcId === undefined) throw new AwsError('VPCIdNotSpecified', scope.message('ec2.security-group.no-default-vpc'));
    const vpc = findVpc(network, input.VpcId, scope);
    if (input.GroupName === 'default') throw new AwsError('InvalidParameterValue', scope.message('ec2.security-group.reserved-name'));
    if ([...network.securityGroups.values()].some((group) => group.vpcId === vpc.id && group.name === input.GroupName)) {
      throw new AwsError('InvalidGroup.Duplicate', scope.message('ec2.security-group.duplicate', { groupName: input.GroupName, vpcId: vpc.id }));
    }
    const group: SecurityGroupRecord = {
      id: ec2Id('sg'),
      name: input.GroupName,
      description: input.Description,
      vpcId: vpc.id,
      rules: [{ id: RegionNetwork.ruleId(), isEgress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' }],
      tags: tagsFor('security-group', input.TagSpecifications),
    };
    network.securityGroups.set(group.id, group);
    return { GroupId: group.id, SecurityGroupArn: groupArn(group, scope.region, scope.accountId), Tags: group.tags };
  },
});

export const describeSecurityGroups = defineOperation<DescribeSecurityGroupsCommandInput, DescribeSecurityGroupsCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeSecurityGroups',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    let chosen: Iterable<SecurityGroupRecord> = input.GroupIds?.length ? input.GroupIds.map((id) => findSecurityGroup(network, id, scope)) : network.securityGroups.values();
    if (input.GroupNames?.length) {
      const all = [...chosen];
      chosen = input.GroupNames.map((name) => {
        const group = all.find((candidate) => candidate.name === name);
        if (!group) throw new AwsError('InvalidGroup.NotFound', scope.message('ec2.security-group.not-found', { groupId: name }));
        return group;
      });
    }
    const groups = applyFilters(chosen, input.Filters, {
      'group-id': (group) => group.id,
      'group-name': (group) => group.name,
      'vpc-id': (group) => group.vpcId,
      'description': (group) => group.description,
      'owner-id': () => scope.accountId,
      'ip-permission.group-id': (group) => group.rules.filter((rule) => !rule.isEgress).map((rule) => rule.groupId),
      'ip-permission.cidr': (group) => group.rules.filter((rule) => !rule.isEgress).map((rule) => rule.cidrIpv4),
      'ip-permission.protocol': (group) => group.rules.filter((rule) => !rule.isEgress).map((rule) => rule.protocol),
      'egress.ip-permission.group-id': (group) => group.rules.filter((rule) => rule.isEgress).map((rule) => rule.groupId),
      'egress.ip-permission.cidr': (group) => group.rules.filter((rule) => rule.isEgress).map((rule) => rule.cidrIpv4),
    }, (group) => group.tags, scope);
    return { SecurityGroups: groups.map((group) => describeSecurityGroup(group, scope.region, scope.accountId)) };
  },
});

/** A VPC's default group cannot be deleted; nor can a group other groups' rules name. */
export const deleteSecurityGroup = defineOperation<DeleteSecurityGroupCommandInput, DeleteSecurityGroupCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteSecurityGroup',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    if (input.GroupId === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'groupId' }));
    const group = findSecurityGroup(network, input.GroupId, scope);
    if (group.name === 'default') throw new AwsError('CannotDelete', scope.message('ec2.security-group.default', { groupId: group.id }));
    const referenced = [...network.securityGroups.values()].some((other) => other.id !== group.id && other.rules.some((rule) => rule.groupId === group.id));
    if (referenced) throw new AwsError('DependencyViolation', scope.message('ec2.security-group.dependency', { groupId: group.id }));
    network.securityGroups.delete(group.id);
    return { Return: true, GroupId: group.id };
  },
});

function groupArn(group: SecurityGroupRecord, region: string, accountId: string): string {
  return `arn:aws:ec2:${region}:${accountId}:security-group/${group.id}`;
}

function describeSecurityGroup(group: SecurityGroupRecord, region: string, accountId: string): WireOutput<SecurityGroup> {
  return {
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: accountId,
    SecurityGroupArn: groupArn(group, region, accountId),
    IpPermissions: ipPermissions(group.rules.filter((rule) => !rule.isEgress), accountId),
    IpPermissionsEgress: ipPermissions(group.rules.filter((rule) => rule.isEgress), accountId),
    Tags: group.tags,
  };
}

export const securityGroupOperations = [createSecurityGroup, describeSecurityGroups, deleteSecurityGroup];
