import type {
  CreateSubnetCommandInput, CreateSubnetCommandOutput, DeleteSubnetCommandInput, DeleteSubnetCommandOutput, DescribeSubnetsCommandInput, DescribeSubnetsCommandOutput, Subnet,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import { availabilityZoneId, availabilityZones } from './availability-zones.ts';
import { cidrContains, cidrsOverlap, parseCidr, usableAddresses } from './cidr.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findSubnet, findVpc } from './find-resource.ts';
import type { NetworkState, SubnetRecord } from './network-state.ts';

/** A subnet's block must lie inside its VPC's and overlap no other subnet; its zone must be one of the region's. */
export const createSubnet = defineOperation<CreateSubnetCommandInput, CreateSubnetCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateSubnet',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const vpc = findVpc(network, input.VpcId, scope);
    if (input.CidrBlock === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'cidrBlock' }));
    const cidr = parseCidr(input.CidrBlock);
    if (!cidr) throw new AwsError('InvalidParameterValue', scope.message('ec2.cidr.malformed', { cidr: input.CidrBlock }));
    if (!cidrContains(parseCidr(vpc.cidrBlock)!, cidr) || cidr.prefix > 28) throw new AwsError('InvalidSubnet.Range', scope.message('ec2.subnet.range', { cidr: input.CidrBlock }));
    for (const other of network.subnets.values()) {
      if (other.vpcId === vpc.id && cidrsOverlap(parseCidr(other.cidrBlock)!, cidr)) {
        throw new AwsError('InvalidSubnet.Conflict', scope.message('ec2.subnet.conflict', { cidr: input.CidrBlock }));
      }
    }
    const zones = availabilityZones(scope.region);
    const zone = input.AvailabilityZone ?? zones.find((candidate) => availabilityZoneId(candidate) === input.AvailabilityZoneId) ?? zones[0]!;
    if (!zones.includes(zone)) {
      throw new AwsError('InvalidParameterValue', scope.message('ec2.subnet.availability-zone', { zone, zones: zones.join(', ') }));
    }
    const subnet: SubnetRecord = { id: ec2Id('subnet'), vpcId: vpc.id, cidrBlock: cidr.text, availabilityZone: zone, tags: tagsFor('subnet', input.TagSpecifications) };
    network.subnets.set(subnet.id, subnet);
    return { Subnet: describeSubnet(subnet, scope.region, scope.accountId, 'pending') };
  },
});

export const describeSubnets = defineOperation<DescribeSubnetsCommandInput, DescribeSubnetsCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeSubnets',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const chosen = input.SubnetIds?.length ? input.SubnetIds.map((id) => findSubnet(network, id, scope)) : network.subnets.values();
    const subnets = applyFilters(chosen, input.Filters, {
      'subnet-id': (subnet) => subnet.id,
      'vpc-id': (subnet) => subnet.vpcId,
      'availability-zone': (subnet) => subnet.availabilityZone,
      'availability-zone-id': (subnet) => availabilityZoneId(subnet.availabilityZone),
      'cidr-block': (subnet) => subnet.cidrBlock,
      'cidrBlock': (subnet) => subnet.cidrBlock,
      'default-for-az': () => 'false',
      'owner-id': () => scope.accountId,
      'state': () => 'available',
    }, (subnet) => subnet.tags, scope);
    return { Subnets: subnets.map((subnet) => describeSubnet(subnet, scope.region, scope.accountId, 'available')) };
  },
});

/** Refused while a NAT gateway lives in it; its route table association goes with it. */
export const deleteSubnet = defineOperation<DeleteSubnetCommandInput, DeleteSubnetCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteSubnet',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const subnet = findSubnet(network, input.SubnetId, scope);
    if ([...network.natGateways.values()].some((nat) => nat.subnetId === subnet.id && nat.state !== 'deleted')) {
      throw new AwsError('DependencyViolation', scope.message('ec2.subnet.dependency', { subnetId: subnet.id }));
    }
    for (const table of network.routeTables.values()) table.associations = table.associations.filter((association) => association.subnetId !== subnet.id);
    network.subnets.delete(subnet.id);
    return {};
  },
});

function describeSubnet(subnet: SubnetRecord, region: string, accountId: string, state: 'pending' | 'available'): WireOutput<Subnet> {
  return {
    SubnetId: subnet.id,
    SubnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/${subnet.id}`,
    VpcId: subnet.vpcId,
    CidrBlock: subnet.cidrBlock,
    AvailabilityZone: subnet.availabilityZone,
    AvailabilityZoneId: availabilityZoneId(subnet.availabilityZone),
    AvailableIpAddressCount: usableAddresses(parseCidr(subnet.cidrBlock)!),
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    State: state,
    OwnerId: accountId,
    Tags: subnet.tags,
  };
}

export const subnetOperations = [createSubnet, describeSubnets, deleteSubnet];
