import { createHash } from 'node:crypto';
import type {
  CreateVpcEndpointCommandInput, CreateVpcEndpointCommandOutput, DeleteVpcEndpointsCommandInput, DeleteVpcEndpointsCommandOutput,
  DescribeVpcEndpointsCommandInput, DescribeVpcEndpointsCommandOutput, VpcEndpoint,
} from '@aws-sdk/client-ec2';
import { AwsError } from '../endpoint/aws-error.ts';
import { defineOperation } from '../endpoint/define-operation.ts';
import type { WireOutput } from '../endpoint/wire-shape.ts';
import type { Ec2MessageId } from './ec2-messages.ts';
import { ec2Id } from './ec2-id.ts';
import { applyFilters, tagsFor } from './filters.ts';
import { findRouteTable, findVpc, findVpcEndpoint } from './find-resource.ts';
import type { NetworkState, RegionNetwork, VpcEndpointRecord } from './network-state.ts';

/** The services that have gateway endpoints, in a region: S3 and DynamoDB. */
function gatewayServices(region: string): string[] {
  return [`com.amazonaws.${region}.s3`, `com.amazonaws.${region}.dynamodb`];
}

/** A stable prefix-list id per service name, as each region has one per gateway service. */
function prefixListId(serviceName: string): string {
  return `pl-${createHash('sha256').update(serviceName).digest('hex').slice(0, 8)}`;
}

/**
 * Gateway endpoints only: each route table named gets a route to the service's prefix list
 * through the endpoint, which is what Glue looks for.
 */
export const createVpcEndpoint = defineOperation<CreateVpcEndpointCommandInput, CreateVpcEndpointCommandOutput, NetworkState, Ec2MessageId>({
  name: 'CreateVpcEndpoint',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const vpc = findVpc(network, input.VpcId, scope);
    const type = input.VpcEndpointType ?? 'Gateway';
    if (type !== 'Gateway') throw new AwsError('UnsupportedOperation', scope.message('ec2.vpc-endpoint.type', { type }));
    if (input.ServiceName === undefined || !gatewayServices(scope.region).includes(input.ServiceName)) {
      throw new AwsError('InvalidServiceName', scope.message('ec2.vpc-endpoint.service', { serviceName: input.ServiceName ?? '' }));
    }
    const tables = (input.RouteTableIds ?? []).map((id) => findRouteTable(network, id, scope));
    for (const table of tables) {
      if (table.vpcId !== vpc.id) throw new AwsError('InvalidRouteTableID.NotFound', scope.message('ec2.route-table.not-found', { routeTableId: table.id }));
    }
    const endpoint: VpcEndpointRecord = {
      id: ec2Id('vpce'),
      vpcId: vpc.id,
      serviceName: input.ServiceName,
      prefixListId: prefixListId(input.ServiceName),
      routeTableIds: tables.map((table) => table.id),
      created: new Date(),
      tags: tagsFor('vpc-endpoint', input.TagSpecifications),
    };
    for (const table of tables) {
      if (table.routes.some((route) => route.destinationPrefixListId === endpoint.prefixListId)) {
        throw new AwsError('RouteAlreadyExists', scope.message('ec2.route.exists', { destination: endpoint.prefixListId }));
      }
    }
    for (const table of tables) table.routes = [...table.routes, { destinationPrefixListId: endpoint.prefixListId, gatewayId: endpoint.id, origin: 'CreateRoute' }];
    network.vpcEndpoints.set(endpoint.id, endpoint);
    return { VpcEndpoint: describeVpcEndpoint(endpoint, scope.accountId) };
  },
});

export const describeVpcEndpoints = defineOperation<DescribeVpcEndpointsCommandInput, DescribeVpcEndpointsCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DescribeVpcEndpoints',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const chosen = input.VpcEndpointIds?.length ? input.VpcEndpointIds.map((id) => findVpcEndpoint(network, id, scope)) : network.vpcEndpoints.values();
    const endpoints = applyFilters(chosen, input.Filters, {
      'vpc-endpoint-id': (endpoint) => endpoint.id,
      'vpc-id': (endpoint) => endpoint.vpcId,
      'service-name': (endpoint) => endpoint.serviceName,
      'vpc-endpoint-type': () => 'Gateway',
      'vpc-endpoint-state': () => 'available',
    }, (endpoint) => endpoint.tags, scope);
    return { VpcEndpoints: endpoints.map((endpoint) => describeVpcEndpoint(endpoint, scope.accountId)) };
  },
});

/** Unknown ids are reported per id in `Unsuccessful`, as EC2 does; the others go, with their routes. */
export const deleteVpcEndpoints = defineOperation<DeleteVpcEndpointsCommandInput, DeleteVpcEndpointsCommandOutput, NetworkState, Ec2MessageId>({
  name: 'DeleteVpcEndpoints',
  handle(input, { scope, state }) {
    const network = state.region(scope.region);
    const unsuccessful = [];
    for (const id of input.VpcEndpointIds) {
      const endpoint = network.vpcEndpoints.get(id);
      if (!endpoint) {
        unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: scope.message('ec2.vpc-endpoint.not-found', { vpcEndpointId: id }) } });
        continue;
      }
      removeRoutes(network, endpoint);
      network.vpcEndpoints.delete(id);
    }
    return { Unsuccessful: unsuccessful };
  },
});

function removeRoutes(network: RegionNetwork, endpoint: VpcEndpointRecord): void {
  for (const table of network.routeTables.values()) table.routes = table.routes.filter((route) => route.gatewayId !== endpoint.id);
}

function describeVpcEndpoint(endpoint: VpcEndpointRecord, accountId: string): WireOutput<VpcEndpoint> {
  return {
    VpcEndpointId: endpoint.id,
    VpcEndpointType: 'Gateway',
    VpcId: endpoint.vpcId,
    ServiceName: endpoint.serviceName,
    // EC2 answers lower case, although the model's enum says `Available`.
    State: 'available' as 'Available',
    PolicyDocument: JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
    RouteTableIds: endpoint.routeTableIds,
    SubnetIds: [],
    Groups: [],
    PrivateDnsEnabled: false,
    RequesterManaged: false,
    NetworkInterfaceIds: [],
    DnsEntries: [],
    CreationTimestamp: endpoint.created,
    OwnerId: accountId,
    Tags: endpoint.tags,
  };
}

export const vpcEndpointOperations = [createVpcEndpoint, describeVpcEndpoints, deleteVpcEndpoints];
