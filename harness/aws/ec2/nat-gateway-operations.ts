import type {
  CreateNatGatewayCommandInput, CreateNatGatewayCommandOutput, DeleteNatGatewayCommandInput, DeleteNatGatewayCommandOutput,
  DescribeNatGatewaysCommandInput, DescribeNatGatewaysCommandOutput, NatGateway,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import { addressAt, parseCidr } from './cidr.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findNatGateway, findSubnet } from './find-resource.ts';
import type { NatGatewayRecord, NetworkState } from './network-state.ts';

/**
 * A public NAT gateway needs an Elastic IP allocation; the emulator does not emulate Elastic IPs,
 * so the allocation id is taken as given. NAT gateways are available at once (AWS takes minutes).
 */
export const createNatGateway = defineOperation<CreateNatGatewayCommandInput, CreateNatGatewayCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateNatGateway',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    // The model leaves SubnetId optional for regional NAT gateways, which the emulator does not make.
    if (input.SubnetId === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'subnetId' }));
    const subnet = findSubnet(network, input.SubnetId, scope);
    const connectivityType = input.ConnectivityType ?? 'public';
    if (connectivityType === 'public' && input.AllocationId === undefined) {
      throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'allocationId' }));
    }
    const taken = [...network.natGateways.values()].filter((nat) => nat.subnetId === subnet.id).length;
    const nat: NatGatewayRecord = {
      id: ec2Id('nat'),
      subnetId: subnet.id,
      vpcId: subnet.vpcId,
      connectivityType,
      ...(input.AllocationId !== undefined ? { allocationId: input.AllocationId } : {}),
      privateIp: addressAt(parseCidr(subnet.cidrBlock)!, 4 + taken),
      state: 'available',
      created: new Date(),
      tags: tagsFor('natgateway', input.TagSpecifications),
    };
    network.natGateways.set(nat.id, nat);
    return { NatGateway: describeNatGateway(nat, 'pending') };
  },
});

export const describeNatGateways = defineOperation<DescribeNatGatewaysCommandInput, DescribeNatGatewaysCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeNatGateways',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const chosen = input.NatGatewayIds?.length ? input.NatGatewayIds.map((id) => findNatGateway(network, id, scope)) : network.natGateways.values();
    const nats = applyFilters(chosen, input.Filter, {
      'nat-gateway-id': (nat) => nat.id,
      'subnet-id': (nat) => nat.subnetId,
      'vpc-id': (nat) => nat.vpcId,
      'state': (nat) => nat.state,
    }, (nat) => nat.tags, scope);
    return { NatGateways: nats.map((nat) => describeNatGateway(nat, nat.state)) };
  },
});

/** Deleted gateways stay visible as `deleted`, as on AWS; routes to them become blackholes. */
export const deleteNatGateway = defineOperation<DeleteNatGatewayCommandInput, DeleteNatGatewayCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteNatGateway',
  handle(input, { scope, state }) {
    const nat = findNatGateway(state.region(scope.region), input.NatGatewayId, scope);
    nat.state = 'deleted';
    nat.deleted ??= new Date();
    return { NatGatewayId: nat.id };
  },
});

function describeNatGateway(nat: NatGatewayRecord, state: 'pending' | 'available' | 'deleted'): WireOutput<NatGateway> {
  return {
    NatGatewayId: nat.id,
    SubnetId: nat.subnetId,
    VpcId: nat.vpcId,
    State: state,
    ConnectivityType: nat.connectivityType,
    CreateTime: nat.created,
    ...(nat.deleted ? { DeleteTime: nat.deleted } : {}),
    NatGatewayAddresses: [{ ...(nat.allocationId !== undefined ? { AllocationId: nat.allocationId } : {}), PrivateIp: nat.privateIp, IsPrimary: true }],
    Tags: nat.tags,
  };
}

export const natGatewayOperations = [createNatGateway, describeNatGateways, deleteNatGateway];
