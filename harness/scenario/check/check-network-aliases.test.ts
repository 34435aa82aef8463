import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario-schema.ts';
import { checkReferences } from './check-references.ts';

/** A Glue scenario with this `given.network` and these PhysicalConnectionRequirements. */
function scenario(network: Record<string, unknown>, requirements: Record<string, unknown> = {}) {
  return scenarioSchema.parse({
    name: 'network',
    given: {
      network,
      glueConnections: { orders: { ConnectionType: 'JDBC', ConnectionProperties: {}, PhysicalConnectionRequirements: requirements } },
    },
    when: { operation: 'glue:TestConnection', input: { ConnectionName: 'orders' } },
    then: { response: {} },
  });
}

const GOOD = {
  vpcs: { main: { cidrBlock: '10.0.0.0/16' }, other: { cidrBlock: '10.1.0.0/16' } },
  subnets: { a: { vpc: 'main', cidrBlock: '10.0.1.0/24', availabilityZone: 'us-east-1a' }, b: { vpc: 'other', cidrBlock: '10.1.1.0/24' } },
  securityGroups: { glue: { vpc: 'main', ingress: [{ self: true }] }, db: { vpc: 'main', ingress: [{ protocol: 'tcp', fromPort: 5432, toPort: 5432, group: 'glue' }] } },
  natGateways: { nat: { subnet: 'a' } },
  routeTables: { private: { vpc: 'main', subnets: ['a'], routes: [{ natGateway: 'nat' }] } },
  s3Endpoints: { s3: { vpc: 'main', routeTables: ['private'], mainRouteTable: true } },
};

describe('given.network', () => {
  it('accepts a network whose parts name each other, and references to each kind', () => {
    const issues = checkReferences(scenario(GOOD, { SubnetId: '{{ network.subnets.a.id }}', SecurityGroupIdList: ['{{ network.securityGroups.glue.id }}'], AvailabilityZone: '{{ network.subnets.a.availabilityZone }}' }));
    expect(issues).toEqual([]);
  });

  it('names each alias that is not declared, or not in the VPC it says', () => {
    const network = {
      ...GOOD,
      subnets: { a: { vpc: 'mian', cidrBlock: '10.0.1.0/24' }, b: GOOD.subnets.b },
      securityGroups: { glue: { vpc: 'main', ingress: [{ group: 'gleu' }], egress: [{ group: 'elsewhere' }] }, elsewhere: { vpc: 'other' } },
      routeTables: { private: { vpc: 'main', subnets: ['b'], routes: [{ natGateway: 'none' }] } },
      s3Endpoints: { s3: { vpc: 'other', routeTables: ['private'] } },
    };
    const messages = checkReferences(scenario(network)).map((issue) => `${issue.at.join('.')}: ${issue.message}`);
    expect(messages).toEqual([
      "given.network.subnets.a.vpc: no given.network.vpcs entry named 'mian'. Did you mean 'main'? Declared: main, other",
      "given.network.securityGroups.glue.ingress.0.group: no given.network.securityGroups entry named 'gleu'. Did you mean 'glue'? Declared: glue, elsewhere",
      "given.network.securityGroups.glue.egress.0.group: securityGroups 'elsewhere' is in VPC 'other', not 'main'",
      "given.network.routeTables.private.subnets.0: subnets 'b' is in VPC 'other', not 'main'",
      "given.network.routeTables.private.routes.0.natGateway: no given.network.natGateways entry named 'none'. Declared: nat",
      "given.network.s3Endpoints.s3.routeTables.0: routeTables 'private' is in VPC 'main', not 'other'",
    ]);
  });

  it('checks {{ network.… }} references: kind and alias, declared, and only after the network is built', () => {
    const issues = checkReferences(scenario(GOOD, { SubnetId: '{{ network.subnets.z.id }}', SecurityGroupIdList: ['{{ network.glue }}'] }));
    expect(issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("{{ network.subnets.z.id }}: no given.network entry named 'subnets.z'"),
      expect.stringContaining('{{ network.glue }}: name a kind and an alias: {{ network.subnets.ALIAS.id }}'),
    ]);
    const early = scenarioSchema.parse({ name: 'n', given: { network: GOOD, secrets: { s: { SecretString: '{{ network.vpcs.main.id }}' } } }, when: { operation: 'glue:TestConnection' }, then: { response: {} } });
    expect(checkReferences(early).map((issue) => issue.message)).toEqual([expect.stringContaining('network are not set up yet here')]);
  });

  it('refuses a rule with no peer or two, in the schema', () => {
    const result = scenarioSchema.safeParse({ name: 'n', given: { network: { securityGroups: { g: { vpc: 'v', ingress: [{ self: true, cidr: '0.0.0.0/0' }, {}] } } } }, when: { operation: 'glue:TestConnection' }, then: { response: {} } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['given.network.securityGroups.g.ingress.0', 'given.network.securityGroups.g.ingress.1']);
  });
});
