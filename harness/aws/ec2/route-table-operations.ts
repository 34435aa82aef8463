import type {
  AssociateRouteTableCommandInput, AssociateRouteTableCommandOutput, CreateRouteCommandInput, CreateRouteCommandOutput, CreateRouteTableCommandInput,
  CreateRouteTableCommandOutput, DeleteRouteTableCommandInput, DeleteRouteTableCommandOutput, DescribeRouteTablesCommandInput, DescribeRouteTablesCommandOutput,
  DisassociateRouteTableCommandInput, DisassociateRouteTableCommandOutput, RouteTable,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import { parseCidr } from './cidr.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findNatGateway, findRouteTable, findSubnet, findVpc } from './find-resource.ts';
import type { NetworkState, RegionNetwork, RouteRecord, RouteTableRecord } from './network-state.ts';

export const createRouteTable = defineOperation<CreateRouteTableCommandInput, CreateRouteTableCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateRouteTable',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const vpc = findVpc(network, input.VpcId, scope);
    const table: RouteTableRecord = {
      id: ec2Id('rtb'),
      vpcId: vpc.id,
      routes: [{ destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local', origin: 'CreateRouteTable' }],
      associations: [],
      tags: tagsFor('route-table', input.TagSpecifications),
    };
    network.routeTables.set(table.id, table);
    return { RouteTable: describeRouteTable(table, network, scope.accountId) };
  },
});

export const describeRouteTables = defineOperation<DescribeRouteTablesCommandInput, DescribeRouteTablesCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeRouteTables',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const chosen = input.RouteTableIds?.length ? input.RouteTableIds.map((id) => findRouteTable(network, id, scope)) : network.routeTables.values();
    const tables = applyFilters(chosen, input.Filters, {
      'route-table-id': (table) => table.id,
      'vpc-id': (table) => table.vpcId,
      'association.subnet-id': (table) => table.associations.map((association) => association.subnetId),
      'association.route-table-association-id': (table) => table.associations.map((association) => association.id),
      'association.main': (table) => (table.associations.some((association) => association.main) ? 'true' : 'false'),
      'route.nat-gateway-id': (table) => table.routes.map((route) => route.natGatewayId),
      'route.gateway-id': (table) => table.routes.map((route) => route.gatewayId),
      'route.destination-cidr-block': (table) => table.routes.map((route) => route.destinationCidrBlock),
      'route.destination-prefix-list-id': (table) => table.routes.map((route) => route.destinationPrefixListId),
      'owner-id': () => scope.accountId,
    }, (table) => table.tags, scope);
    return { RouteTables: tables.map((table) => describeRouteTable(table, network, scope.accountId)) };
  },
});

/** A subnet has one explicit association at most, with a table of its own VPC. */
export const associateRouteTable = defineOperation<AssociateRouteTableCommandInput, AssociateRouteTableCommandOutput, NetworkState, Ec2MessageId>({
  name: 'AssociateRouteTable',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const table = findRouteTable(network, input.RouteTableId, scope);
    if (input.SubnetId === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'subnetId' }));
    const subnet = findSubnet(network, input.SubnetId, scope);
    if (subnet.vpcId !== table.vpcId) throw new AwsError('InvalidParameterValue', scope.message('ec2.route-table.other-vpc', { routeTableId: table.id, subnetId: subnet.id }));
    const current = network.routeTableOf(subnet);
    if (current.explicit) throw new AwsError('Resource.AlreadyAssociated', scope.message('ec2.route-table.associated', { routeTableId: table.id }));
    const association = { id: ec2Id('rtbassoc'), subnetId: subnet.id, main: false };
    table.associations = [...table.associations, association];
    return { AssociationId: association.id, AssociationState: { State: 'associated' } };
  },
});

export const disassociateRouteTable = defineOperation<DisassociateRouteTableCommandInput, DisassociateRouteTableCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DisassociateRouteTable',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    for (const table of network.routeTables.values()) {
      if (table.associations.some((association) => association.id === input.AssociationId && !association.main)) {
        table.associations = table.associations.filter((association) => association.id !== input.AssociationId);
        return {};
      }
    }
    throw new AwsError('InvalidAssociationID.NotFound', scope.message('ec2.association.not-found', { associationId: input.AssociationId }));
  },
});

export const deleteRouteTable = defineOperation<DeleteRouteTableCommandInput, DeleteRouteTableCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteRouteTable',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const table = findRouteTable(network, input.RouteTableId, scope);
    if (table.associations.length > 0) throw new AwsError('DependencyViolation', scope.message('ec2.route-table.dependency', { routeTableId: table.id }));
    network.routeTables.delete(table.id);
    return {};
  },
});

/** Routes to a NAT gateway or (by its id) a gateway endpoint; the emulator has no internet gateways. */
export const createRoute = defineOperation<CreateRouteCommandInput, CreateRouteCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateRoute',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const table = findRouteTable(network, input.RouteTableId, scope);
    const destination = input.DestinationCidrBlock ?? input.DestinationPrefixListId;
    if (destination === undefined) throw new AwsError('MissingParameter', scope.message('ec2.missing-parameter', { name: 'destinationCidrBlock' }));
    if (input.DestinationCidrBlock !== undefined && !parseCidr(input.DestinationCidrBlock)) {
      throw new AwsError('InvalidParameterValue', scope.message('ec2.cidr.malformed', { cidr: input.DestinationCidrBlock }));
    }
    if ((input.NatGatewayId === undefined) === (input.GatewayId === undefined)) throw new AwsError('InvalidParameterCombination', scope.message('ec2.route.target'));
    if (input.NatGatewayId !== undefined) findNatGateway(network, input.NatGatewayId, scope);
    if (input.GatewayId !== undefined && !network.vpcEndpoints.has(input.GatewayId)) {
      throw new AwsError('InvalidGatewayID.NotFound', scope.message('ec2.gateway.not-found', { gatewayId: input.GatewayId }));
    }
    if (table.routes.some((route) => (route.destinationCidrBlock ?? route.destinationPrefixListId) === destination)) {
      throw new AwsError('RouteAlreadyExists', scope.message('ec2.route.exists', { destination }));
    }
    const route: RouteRecord = {
      ...(input.DestinationCidrBlock !== undefined ? { destinationCidrBlock: input.DestinationCidrBlock } : { destinationPrefixListId: input.DestinationPrefixListId }),
      ...(input.NatGatewayId !== undefined ? { natGatewayId: input.NatGatewayId } : { gatewayId: input.GatewayId }),
      origin: 'CreateRoute',
    };
    table.routes = [...table.routes, route];
    return { Return: true };
  },
});

/** A route whose NAT gateway was deleted stays, as a blackhole. */
export function routeState(route: RouteRecord, network: RegionNetwork): 'active' | 'blackhole' {
  if (route.natGatewayId !== undefined) return network.natGateways.get(route.natGatewayId)?.state === 'available' ? 'active' : 'blackhole';
  return 'active';
}

function describeRouteTable(table: RouteTableRecord, network: RegionNetwork, accountId: string): WireOutput<RouteTable> {
  return {
    RouteTableId: table.id,
    VpcId: table.vpcId,
    OwnerId: accountId,
    Routes: table.routes.map((route) => ({
      ...(route.destinationCidrBlock !== undefined ? { DestinationCidrBlock: route.destinationCidrBlock } : {}),
      ...(route.destinationPrefixListId !== undefined ? { DestinationPrefixListId: route.destinationPrefixListId } : {}),
      ...(route.gatewayId !== undefined ? { GatewayId: route.gatewayId } : {}),
      ...(route.natGatewayId !== undefined ? { NatGatewayId: route.natGatewayId } : {}),
      Origin: route.origin,
      State: routeState(route, network),
    })),
    Associations: table.associations.map((association) => ({
      RouteTableAssociationId: association.id,
      RouteTableId: table.id,
      Main: association.main,
      ...(association.subnetId !== undefined ? { SubnetId: association.subnetId } : {}),
      AssociationState: { State: 'associated' },
    })),
    PropagatingVgws: [],
    Tags: table.tags,
  };
}

export const routeTableOperations = [createRouteTable, describeRouteTables, associateRouteTable, disassociateRouteTable, deleteRouteTable, createRoute];
