import type {
  CreateVpcCommandInput, CreateVpcCommandOutput, DeleteVpcCommandInput, DeleteVpcCommandOutput, DescribeVpcsCommandInput, DescribeVpcsCommandOutput, Vpc,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import { parseCidr } from './cidr.ts';
import { defaultSecurityGroup } from './default-security-group.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findVpc } from './find-resource.ts';
import type { NetworkState, RegionNetwork, VpcRecord } from './network-state.ts';

/**
 * CreateVpc makes what EC2 makes with a VPC: its main route table (a `local` route for the
 * block) and its default security group (all traffic from itself in, everything out).
 */
export const createVpc = defineOperation<CreateVpcCommandInput, CreateVpcCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateVpc',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    if (input.CidrBlock === undefined) throw new AwsError('MissingParameter', scope.message('ec2.vpc.missing-cidr'));
    const cidr = parseCidr(input.CidrBlock);
    if (!cidr) throw new AwsError('InvalidParameterValue', scope.message('ec2.cidr.malformed', { cidr: input.CidrBlock }));
    // VPC blocks are /16 to /28 (VPC user guide, "VPC CIDR blocks").
    if (cidr.prefix < 16 || cidr.prefix > 28) throw new AwsError('InvalidVpc.Range', scope.message('ec2.vpc.range', { cidr: input.CidrBlock }));
    const id = ec2Id('vpc');
    const mainRouteTableId = ec2Id('rtb');
    const group = defaultSecurityGroup(id);
    const vpc: VpcRecord = {
      id,
      cidrBlock: cidr.text,
      cidrAssociationId: ec2Id('vpc-cidr-assoc'),
      dhcpOptionsId: ec2Id('dopt'),
      mainRouteTableId,
      defaultSecurityGroupId: group.id,
      tags: tagsFor('vpc', input.TagSpecifications),
    };
    network.vpcs.set(id, vpc);
    network.securityGroups.set(group.id, group);
    network.routeTables.set(mainRouteTableId, {
      id: mainRouteTableId,
      vpcId: id,
      routes: [{ destinationCidrBlock: cidr.text, gatewayId: 'local', origin: 'CreateRouteTable' }],
      associations: [{ id: ec2Id('rtbassoc'), main: true }],
      tags: [],
    });
    return { Vpc: describeVpc(vpc, scope.accountId, 'pending') };
  },
});

export const describeVpcs = defineOperation<DescribeVpcsCommandInput, DescribeVpcsCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeVpcs',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const chosen = input.VpcIds?.length ? input.VpcIds.map((id) => findVpc(network, id, scope)) : network.vpcs.values();
    const vpcs = applyFilters(chosen, input.Filters, {
      'vpc-id': (vpc) => vpc.id,
      'cidr': (vpc) => vpc.cidrBlock,
      'cidr-block-association.cidr-block': (vpc) => vpc.cidrBlock,
      'cidr-block-association.association-id': (vpc) => vpc.cidrAssociationId,
      'dhcp-options-id': (vpc) => vpc.dhcpOptionsId,
      'is-default': () => 'false',
      'owner-id': () => scope.accountId,
      'state': () => 'available',
    }, (vpc) => vpc.tags, scope);
    return { Vpcs: vpcs.map((vpc) => describeVpc(vpc, scope.accountId, 'available')) };
  },
});

/** Refused while anything the user made lives in the VPC; its main route table and default group go with it. */
export const deleteVpc = defineOperation<DeleteVpcCommandInput, DeleteVpcCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteVpc',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const vpc = findVpc(network, input.VpcId, scope);
    if (hasDependencies(network, vpc)) throw new AwsError('DependencyViolation', scope.message('ec2.vpc.dependency', { vpcId: vpc.id }));
    network.routeTables.delete(vpc.mainRouteTableId);
    network.securityGroups.delete(vpc.defaultSecurityGroupId);
    network.vpcs.delete(vpc.id);
    return {};
  },
});

function hasDependencies(network: RegionNetwork, vpc: VpcRecord): boolean {
  const inVpc = (record: { vpcId: string }) => record.vpcId === vpc.id;
  return (
    [...network.subnets.values()].some(inVpc) ||
    [...network.securityGroups.values()].some((group) => inVpc(group) && group.id !== vpc.defaultSecurityGroupId) ||
    [...network.routeTables.values()].some((table) => inVpc(table) && table.id !== vpc.mainRouteTableId) ||
    [...network.vpcEndpoints.values()].some(inVpc) ||
    [...network.natGateways.values()].some((nat) => inVpc(nat) && nat.state !== 'deleted')
  );
}

function describeVpc(vpc: VpcRecord, accountId: string, state: 'pending' | 'available'): WireOutput<Vpc> {
  return {
    VpcId: vpc.id,
    OwnerId: accountId,
    State: state,
    CidrBlock: vpc.cidrBlock,
    DhcpOptionsId: vpc.dhcpOptionsId,
    InstanceTenancy: 'default',
    IsDefault: false,
    CidrBlockAssociationSet: [{ AssociationId: vpc.cidrAssociationId, CidrBlock: vpc.cidrBlock, CidrBlockState: { State: 'associated' } }],
    Tags: vpc.tags,
  };
}

export const vpcOperations = [createVpc, describeVpcs, deleteVpc];
