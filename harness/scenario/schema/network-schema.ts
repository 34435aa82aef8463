import { z } from 'zod';
import { text } from './common.ts';
import { scenarioName } from './scenario-name.ts';

/**
 * One security-group rule of `given.network`: traffic (`protocol` -1 = all, or tcp/udp with
 * ports) from or to one peer: the group itself (`self: true`), another declared group
 * (`group: ALIAS`) or a CIDR block.
 */
const ruleSchema = z
  .object({
    protocol: z.union([text, z.number().int()]).default('-1'),
    fromPort: z.number().int().optional(),
    toPort: z.number().int().optional(),
    self: z.literal(true).optional(),
    group: scenarioName.optional(),
    cidr: text.optional(),
  })
  .strict()
  .refine((rule) => [rule.self, rule.group, rule.cidr].filter((peer) => peer !== undefined).length === 1, {
    message: 'give exactly one peer: self: true, group: ALIAS (a declared security group) or cidr (e.g. 0.0.0.0/0)',
  });

const routeSchema = z.object({ destination: text.default('0.0.0.0/0'), natGateway: scenarioName }).strict();

/**
 * The EC2 network behind Glue connections, by alias, created through the emulated EC2 API before
 * the Glue connections: `{{ network.subnets.ALIAS.id }}` and the like. Emulated mode only.
 */
export const networkSchema = z
  .object({
    /** `{{ network.vpcs.ALIAS.id }}`, `.mainRouteTableId`, `.defaultSecurityGroupId`. */
    vpcs: z.record(scenarioName, z.object({ cidrBlock: text }).strict()).default({}),
    /** `{{ network.subnets.ALIAS.id }}`, `.availabilityZone`, `.vpcId`. */
    subnets: z.record(scenarioName, z.object({ vpc: scenarioName, cidrBlock: text, availabilityZone: text.optional() }).strict()).default({}),
    /**
     * `{{ network.securityGroups.ALIAS.id }}`. Without `egress`, EC2's default rule (all traffic
     * to 0.0.0.0/0) stays; with it, the default is replaced by these rules (`egress: []` for none).
     */
    securityGroups: z
      .record(
        scenarioName,
        z
          .object({
            vpc: scenarioName,
            name: text.optional(),
            description: text.optional(),
            ingress: z.array(ruleSchema).default([]),
            egress: z.array(ruleSchema).optional(),
          })
          .strict(),
      )
      .default({}),
    /** `{{ network.natGateways.ALIAS.id }}`. Elastic IPs are not emulated: a public one gets a made-up allocation id. */
    natGateways: z.record(scenarioName, z.object({ subnet: scenarioName, connectivity: z.enum(['public', 'private']).default('public') }).strict()).default({}),
    /** `{{ network.routeTables.ALIAS.id }}`: a table of the VPC, associated with `subnets`, with routes to NAT gateways. */
    routeTables: z
      .record(scenarioName, z.object({ vpc: scenarioName, subnets: z.array(scenarioName).default([]), routes: z.array(routeSchema).default([]) }).strict())
      .default({}),
    /** `{{ network.s3Endpoints.ALIAS.id }}`: a gateway endpoint for S3 on these route tables (and the VPC's main one with `mainRouteTable: true`). */
    s3Endpoints: z
      .record(scenarioName, z.object({ vpc: scenarioName, routeTables: z.array(scenarioName).default([]), mainRouteTable: z.boolean().default(false) }).strict())
      .default({}),
  })
  .strict();

export const NETWORK_KINDS = ['vpcs', 'subnets', 'securityGroups', 'natGateways', 'routeTables', 's3Endpoints'] as const;

export type NetworkConfig = z.output<typeof networkSchema>;
