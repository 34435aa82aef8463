import { describe, expect, it } from 'vitest';
import { ScenarioEnvironment } from './scenario-environment.ts';
import { scenarioSchema } from './scenario-schema.ts';
import { ScenarioSetupError } from './scenario-setup-error.ts';

function withNetwork(network: Record<string, unknown>) {
  return scenarioSchema.parse({ name: 'network', given: { network }, when: { operation: 'glue:TestConnection', input: { ConnectionName: 'x' } }, then: { response: {} } });
}

describe('given.network', () => {
  it('is built through the emulated EC2 API: ids, zones, the main route table and rules as declared', async () => {
    const scenario = withNetwork({
      vpcs: { main: { cidrBlock: '10.0.0.0/16' } },
      subnets: { public: { vpc: 'main', cidrBlock: '10.0.0.0/24', availabilityZone: 'us-east-1b' }, private: { vpc: 'main', cidrBlock: '10.0.1.0/24' } },
      securityGroups: {
        glue: { vpc: 'main', ingress: [{ self: true }, { protocol: 'tcp', fromPort: 5432, toPort: 5432, group: 'db' }], egress: [{ protocol: 'tcp', fromPort: 0, toPort: 65535, self: true }] },
        db: { vpc: 'main', name: 'database', description: 'the partner database' },
      },
      natGateways: { nat: { subnet: 'public' } },
      routeTables: { private: { vpc: 'main', subnets: ['private'], routes: [{ natGateway: 'nat' }] } },
      s3Endpoints: { s3: { vpc: 'main', mainRouteTable: true } },
    });
    const environment = await ScenarioEnvironment.start(scenario);
    try {
      const network = environment.values.network as any;
      expect(network.vpcs.main).toMatchObject({ id: expect.stringMatching(/^vpc-/), cidrBlock: '10.0.0.0/16', mainRouteTableId: expect.stringMatching(/^rtb-/) });
      expect(network.subnets.public).toMatchObject({ availabilityZone: 'us-east-1b', vpcId: network.vpcs.main.id });
      expect(network.securityGroups.db.name).toBe('database');
      const groups = await environment.clients!.call('ec2', 'DescribeSecurityGroups', { GroupIds: [network.securityGroups.glue.id] });
      const [glue] = groups.response!.SecurityGroups as any[];
      expect(glue.IpPermissions).toEqual([
        expect.objectContaining({ IpProtocol: '-1', UserIdGroupPairs: [expect.objectContaining({ GroupId: network.securityGroups.glue.id })] }),
        expect.objectContaining({ IpProtocol: 'tcp', FromPort: 5432, UserIdGroupPairs: [expect.objectContaining({ GroupId: network.securityGroups.db.id })] }),
      ]);
      // Declared egress replaced EC2's default rule.
      expect(glue.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535 })]);
      const tables = await environment.clients!.call('ec2', 'DescribeRouteTables', { RouteTableIds: [network.vpcs.main.mainRouteTableId, network.routeTables.private.id] });
      const [main, private_] = tables.response!.RouteTables as any[];
      expect(main.Routes.at(-1)).toMatchObject({ GatewayId: network.s3Endpoints.s3.id });
      expect(private_.Routes.at(-1)).toMatchObject({ NatGatewayId: network.natGateways.nat.id, DestinationCidrBlock: '0.0.0.0/0' });
      expect(private_.Associations).toEqual([expect.objectContaining({ SubnetId: network.subnets.private.id })]);
    } finally {
      await environment.stop();
    }
  });

  it('is refused in --mode aws, before anything is created', async () => {
    const error = await ScenarioEnvironment.start(withNetwork({ vpcs: { main: { cidrBlock: '10.0.0.0/16' } } }), { mode: 'aws' }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(ScenarioSetupError);
    expect((error as Error).message).toContain('given.network builds the EC2 network in the emulator only');
  });
});
