import { defineService } from '../endpoint/emulated-service.ts';
import { ec2Messages } from './ec2-messages.ts';
import { natGatewayOperations } from './nat-gateway-operations.ts';
import { networkOf } from './network-state.ts';
import { routeTableOperations } from './route-table-operations.ts';
import { securityGroupOperations } from './security-group-operations.ts';
import { securityGroupRuleOperations } from './security-group-rules.ts';
import { subnetOperations } from './subnet-operations.ts';
import { vpcEndpointOperations } from './vpc-endpoint-operations.ts';
import { vpcOperations } from './vpc-operations.ts';

/**
 * Amazon EC2 (ec2-2016-11-15), the network calls behind Glue connections: VPCs, subnets, security
 * groups and their rules, route tables, gateway endpoints and NAT gateways, in EC2's own query
 * protocol. The network is the account's, which Glue's TestConnection checks.
 */
export const ec2Service = defineService({
  name: 'ec2',
  model: 'ec2',
  internalErrorType: 'InternalError',
  messages: ec2Messages,
  createState: networkOf,
  operations: [
    ...vpcOperations, ...subnetOperations, ...securityGroupOperations, ...securityGroupRuleOperations,
    ...routeTableOperations, ...vpcEndpointOperations, ...natGatewayOperations,
  ],
});
