import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AuthorizeSecurityGroupIngressCommand, DescribeSecurityGroupsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { rawRequest } from '../../harness/aws/endpoint/testing/raw-http.ts';
import { eventually, isPortClosed } from '../support/ports.ts';
import { collect, spawnCli, waitForOutput } from '../support/run-cli.ts';

const exec = promisify(execFile);
const FIXTURES = 'test/e2e/__fixtures__/glue-network';
const ENV = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_DEFAULT_REGION: 'us-east-1' };
const INGRESS = 'At least one security group must open all ingress ports.To limit traffic, the source security group in your inbound rule can be restricted to the same security group';
const JDBC_PREFIX = 'Check that your connection definition references your JDBC database with correct URL syntax, username, and password. ';

/** The AWS CLI v1 (botocore's EC2 and Glue clients): stdout parsed, or the failure's stderr. */
async function awsCli(args: string[], url: string): Promise<{ json?: any; stderr?: string }> {
  try {
    const { stdout } = await exec('aws', [...args, '--endpoint-url', url, '--output', 'json'], { env: ENV });
    return { json: stdout.trim() === '' ? {} : JSON.parse(stdout) };
  } catch (error) {
    return { stderr: (error as { stderr: string }).stderr };
  }
}

async function python(script: string, ...args: string[]): Promise<any> {
  const { stdout } = await exec('python3', [`${FIXTURES}/${script}`, ...args], { env: ENV });
  return JSON.parse(stdout);
}

describe('the Glue network through boto3, the AWS CLI and the JS SDK, against partner-harness serve', () => {
  it('builds the network with EC2 calls, then Glue TestConnection checks it before logging in to a real PostgreSQL', async () => {
    const served = spawnCli(['serve', `${FIXTURES}/postgres-behind.yaml`]);
    const finished = collect(served);
    const printed = await waitForOutput(served, /Press Ctrl-C to stop\./, 60_000);
    const url = /Emulated AWS endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1]!;
    const endpointPort = Number(new URL(url).port);
    const dbPort = Number(/Fake db \(postgres, embedded\): 127\.0\.0\.1:(\d+)/.exec(printed)![1]);
    try {
      // boto3 builds the network.
      const network = await python('build_network.py', url);
      expect(network.vpc).toMatch(/^vpc-[0-9a-f]{17}$/);
      expect(network.routes).toEqual([
        expect.objectContaining({ GatewayId: 'local', DestinationCidrBlock: '10.0.0.0/16' }),
        expect.objectContaining({ GatewayId: network.endpoint, DestinationPrefixListId: expect.stringMatching(/^pl-/), State: 'active' }),
      ]);

      // The AWS CLI creates the connection in it and tests it: the network passes, the database answers.
      const connection = (name: string, password: string, zone: string) => JSON.stringify({
        Name: name,
        ConnectionType: 'JDBC',
        ConnectionProperties: { JDBC_CONNECTION_URL: `jdbc:postgresql://127.0.0.1:${dbPort}/orders`, USERNAME: 'etl_reader', PASSWORD: password },
        PhysicalConnectionRequirements: { SubnetId: network.subnet, SecurityGroupIdList: [network.group], AvailabilityZone: zone },
      });
      expect((await awsCli(['glue', 'create-connection', '--connection-input', connection('orders', 'Etl-Reader-Pass-1', 'us-east-1a')], url)).json).toEqual({ CreateConnectionStatus: 'READY' });
      expect((await awsCli(['glue', 'test-connection', '--connection-name', 'orders'], url)).json).toEqual({});
      await awsCli(['glue', 'create-connection', '--connection-input', connection('wrong-password', 'not-it', 'us-east-1a')], url);
      expect((await awsCli(['glue', 'test-connection', '--connection-name', 'wrong-password'], url)).stderr).toContain(`${JDBC_PREFIX}FATAL: password authentication failed for user "etl_reader"`);

      // The AWS CLI removes the S3 endpoint; boto3 sees Glue's exact text, and the diagnosis only in its header.
      expect((await awsCli(['ec2', 'delete-vpc-endpoints', '--vpc-endpoint-ids', network.endpoint], url)).json).toEqual({ Unsuccessful: [] });
      const noRoute = await python('test_connection.py', url, 'orders');
      expect(noRoute).toMatchObject({
        code: 'InvalidInputException',
        status: 400,
        message: `VPC S3 endpoint validation failed for SubnetId: ${network.subnet}. VPC: ${network.vpc}. Reason: Could not find S3 endpoint or NAT gateway for subnetId: ${network.subnet} in Vpc ${network.vpc}`,
      });
      expect(noRoute.diagnosis).toContain(`network-no-s3-route: Subnet ${network.subnet} routes by ${network.table} (its explicit association)`);

      // The JS SDK puts the endpoint back... and the AWS CLI revokes the self-referencing rule.
      const ec2 = new EC2Client({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, maxAttempts: 1 });
      try {
        await awsCli(['ec2', 'create-vpc-endpoint', '--vpc-id', network.vpc, '--service-name', 'com.amazonaws.us-east-1.s3', '--route-table-ids', network.table], url);
        expect((await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [network.vpc] }] }))).VpcEndpoints).toHaveLength(1);
        const revoke = ['ec2', 'revoke-security-group-ingress', '--group-id', network.group, '--ip-permissions', `IpProtocol=-1,UserIdGroupPairs=[{GroupId=${network.group}}]`];
        expect((await awsCli(revoke, url)).json).toMatchObject({ Return: true });
        const [group] = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [network.group] }))).SecurityGroups!;
        expect(group!.IpPermissions).toEqual([]);
        expect((await awsCli(['glue', 'test-connection', '--connection-name', 'orders'], url)).stderr).toContain(
          `An error occurred (InvalidInputException) when calling the TestConnection operation: ${INGRESS}\n`,
        );
        // The SDK opens all TCP ports to the group itself: enough for Glue, and the login succeeds again.
        await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: network.group, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, UserIdGroupPairs: [{ GroupId: network.group }] }] }));
        expect((await python('test_connection.py', url, 'orders')).ok).toBe(true);
      } finally {
        ec2.destroy();
      }

      // A connection in the wrong zone; EC2's own errors through the CLI.
      await awsCli(['glue', 'create-connection', '--connection-input', connection('wrong-zone', 'Etl-Reader-Pass-1', 'us-east-1b')], url);
      expect((await python('test_connection.py', url, 'wrong-zone')).message).toBe('Availability Zone us-east-1b does not correspond to subnet');
      expect((await awsCli(['ec2', 'delete-vpc', '--vpc-id', network.vpc], url)).stderr).toContain(
        `An error occurred (DependencyViolation) when calling the DeleteVpc operation: The vpc '${network.vpc}' has dependencies and cannot be deleted.`,
      );
      expect((await awsCli(['ec2', 'describe-subnets', '--subnet-ids', 'subnet-0123456789abcdef0'], url)).stderr).toContain(
        "An error occurred (InvalidSubnetID.NotFound) when calling the DescribeSubnets operation: The subnet ID 'subnet-0123456789abcdef0' does not exist",
      );

      // Hostile query requests against serve: answered in EC2's XML, and serve keeps serving.
      const form = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
      const hostile = [
        'Action=LaunchRockets&Version=2016-11-15',
        'Action=DescribeVpcs&Version=1999-01-01',
        `Action=DescribeVpcs&Version=2016-11-15&${Array.from({ length: 300 }, (_, i) => `Filter.${i + 1}.Name=vpc-id&Filter.${i + 1}.Value.1=v`).join('&')}`,
        '%%%&&&===&Action',
        `Action=DescribeVpcs&Version=2016-11-15&x=${'y'.repeat(2 * 1024 * 1024)}`,
      ];
      for (const body of hostile) {
        const answer = await rawRequest(url, { headers: form, body });
        expect([400, 413]).toContain(answer.status);
        expect(answer.text).toMatch(/<Response><Errors><Error><Code>[A-Za-z.]+<\/Code><Message>[^<]*<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/);
      }
      expect((await awsCli(['ec2', 'describe-vpcs', '--vpc-ids', network.vpc], url)).json.Vpcs[0].VpcId).toBe(network.vpc);
    } finally {
      served.kill('SIGINT');
    }
    expect((await finished).code).toBe(0);
    expect(await eventually(() => isPortClosed(endpointPort))).toBe(true);
    expect(await eventually(() => isPortClosed(dbPort))).toBe(true);
  }, 120_000);
});
