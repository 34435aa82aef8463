import { hint } from '../../../core/errors/index.ts';
import type { NetworkConfig } from '../schema/network-schema.ts';
import type { IssueAt } from './issue-at.ts';

/**
 * `given.network` names its parts by alias (a subnet's `vpc`, a rule's `group`, a route's
 * `natGateway`): each must name a declared part of the right kind, and a subnet, group, route
 * table or endpoint must be in the VPC it says, so a typo is a bad file, not a failed set-up.
 */
export function checkNetworkAliases(network: NetworkConfig): IssueAt[] {
  const issues: IssueAt[] = [];
  const base = ['given', 'network'];
  const known = (kind: keyof NetworkConfig, alias: string, at: readonly PropertyKey[]) => {
    const declared = Object.keys(network[kind]);
    if (!declared.includes(alias)) issues.push({ at: [...base, ...at], message: `no given.network.${kind} entry named '${alias}'.${hint(alias, declared)} Declared: ${declared.join(', ') || 'none'}` });
  };
  const sameVpc = (kind: 'subnets' | 'securityGroups' | 'routeTables', alias: string, vpc: string, at: readonly PropertyKey[]) => {
    const owner = network[kind][alias]?.vpc;
    if (owner !== undefined && owner !== vpc) issues.push({ at: [...base, ...at], message: `${kind} '${alias}' is in VPC '${owner}', not '${vpc}'` });
  };
  for (const [alias, subnet] of Object.entries(network.subnets)) known('vpcs', subnet.vpc, ['subnets', alias, 'vpc']);
  for (const [alias, group] of Object.entries(network.securityGroups)) {
    known('vpcs', group.vpc, ['securityGroups', alias, 'vpc']);
    for (const direction of ['ingress', 'egress'] as const) {
      (group[direction] ?? []).forEach((rule, i) => {
        if (rule.group === undefined) return;
        known('securityGroups', rule.group, ['securityGroups', alias, direction, i, 'group']);
        sameVpc('securityGroups', rule.group, group.vpc, ['securityGroups', alias, direction, i, 'group']);
      });
    }
  }
  for (const [alias, nat] of Object.entries(network.natGateways)) known('subnets', nat.subnet, ['natGateways', alias, 'subnet']);
  for (const [alias, table] of Object.entries(network.routeTables)) {
    known('vpcs', table.vpc, ['routeTables', alias, 'vpc']);
    table.subnets.forEach((subnet, i) => {
      known('subnets', subnet, ['routeTables', alias, 'subnets', i]);
      sameVpc('subnets', subnet, table.vpc, ['routeTables', alias, 'subnets', i]);
    });
    table.routes.forEach((route, i) => known('natGateways', route.natGateway, ['routeTables', alias, 'routes', i, 'natGateway']));
  }
  for (const [alias, endpoint] of Object.entries(network.s3Endpoints)) {
    known('vpcs', endpoint.vpc, ['s3Endpoints', alias, 'vpc']);
    endpoint.routeTables.forEach((table, i) => {
      known('routeTables', table, ['s3Endpoints', alias, 'routeTables', i]);
      sameVpc('routeTables', table, endpoint.vpc, ['s3Endpoints', alias, 'routeTables', i]);
    });
  }
  return issues;
}
