import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collect, spawnCli, waitForOutput } from '../support/run-cli.ts';
import { eventually, isPortClosed } from '../support/ports.ts';

const exec = promisify(execFile);
const CATALOGUE = 'scenarios/transfer-connector';

/** The AWS CLI (v1, shipped with the machine image) is an independent client of the emulator. */
async function aws(command: string, env: Record<string, string> = {}): Promise<unknown> {
  const { stdout } = await exec('bash', ['-c', `${command} --output json`], { env: { ...process.env, AWS_DEFAULT_REGION: 'us-east-1', ...env } });
  return JSON.parse(stdout);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('partner-harness serve + the AWS CLI', () => {
  it('serves a scenario whose printed AWS CLI command reproduces it, and stops everything on SIGINT', async () => {
    const child = spawnCli(['serve', `${CATALOGUE}/01-password-login-succeeds.yaml`]);
    const done = collect(child);
    const printed = await waitForOutput(child, /Press Ctrl-C to stop\./);
    const command = /Reproduce the scenario with the AWS CLI:\n\s+(.+)\n/.exec(printed)![1]!;
    expect(command).toMatch(/^AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+ aws transfer test-connection --connector-id c-[0-9a-f]{17} --endpoint-url http:\/\/127\.0\.0\.1:\d+ --region us-east-1$/);
    const hostKey = /host key: (.+)\n/.exec(printed)![1]!;
    const answer = (await aws(command)) as Record<string, any>;
    expect(answer).toMatchObject({ Status: 'OK', StatusMessage: 'Connection succeeded', SftpConnectionDetails: { HostKey: hostKey } });

    const endpointPort = Number(/Emulated AWS endpoint: http:\/\/127\.0\.0\.1:(\d+)/.exec(printed)![1]);
    const fakePort = Number(/Fake partner \(sftp, embedded\): 127\.0\.0\.1:(\d+)/.exec(printed)![1]);
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
    expect(await eventually(() => isPortClosed(endpointPort))).toBe(true);
    expect(await eventually(() => isPortClosed(fakePort))).toBe(true);
  });

  it('reproduces a failing scenario: the CLI shows the same ERROR the scenario expects', async () => {
    const child = spawnCli(['serve', `${CATALOGUE}/10-wrong-password.yaml`]);
    const done = collect(child);
    const printed = await waitForOutput(child, /Press Ctrl-C to stop\./);
    const command = /Reproduce the scenario with the AWS CLI:\n\s+(.+)\n/.exec(printed)![1]!;
    const answer = (await aws(command)) as Record<string, any>;
    expect(answer.Status).toBe('ERROR');
    expect(answer.StatusMessage).toMatch(/^Authentication failed for user \S+ \(tried: password\)$/);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });

  it('serves an identity-provider scenario: the CLI test-identity-provider command reproduces it without printing the password', async () => {
    const child = spawnCli(['serve', 'scenarios/identity-provider/02-logical-home-directory.yaml']);
    const done = collect(child);
    const printed = await waitForOutput(child, /Press Ctrl-C to stop\./);
    expect(printed).not.toContain('Bob-Pass-2026');
    const command = /Reproduce the scenario with the AWS CLI:\n\s+(.+)\n/.exec(printed)![1]!;
    expect(command).toMatch(/aws transfer test-identity-provider --server-id s-[0-9a-f]{17} --user-name bob --user-password "\$PH_USER_PASSWORD" --server-protocol SFTP --endpoint-url /);
    expect(printed).toContain('export PH_USER_PASSWORD=… with the value the scenario uses');
    const answer = (await aws(command, { PH_USER_PASSWORD: 'Bob-Pass-2026' })) as Record<string, any>;
    expect(answer).toMatchObject({ StatusCode: 200, Message: '' });
    expect(JSON.parse(answer.Response)).toMatchObject({ Role: 'arn:aws:iam::000000000000:role/transfer-bob', HomeDirectoryType: 'LOGICAL' });
    const wrong = (await aws(command, { PH_USER_PASSWORD: 'wrong-password' })) as Record<string, any>;
    expect(wrong).toMatchObject({ StatusCode: 200, Response: '' });
    const idpPort = Number(/Fake idp \(idp, embedded\): 127\.0\.0\.1:(\d+)/.exec(printed)![1]);
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
    expect(await eventually(() => isPortClosed(idpPort))).toBe(true);
  });

  it('serves a Glue scenario: the CLI glue test-connection logs in to the real Postgres, and SIGINT stops the engine', async () => {
    const served = spawnCli(['serve', 'scenarios/glue-connection/03-postgres-wrong-password.yaml']);
    const finished = collect(served);
    const printed = await waitForOutput(served, /Press Ctrl-C to stop\./, 60_000);
    const command = /Reproduce the scenario with the AWS CLI:\n\s+(.+)\n/.exec(printed)![1]!;
    expect(command).toMatch(/aws glue test-connection --test-connection-input "\{.*\$\{PH_PASSWORD\}.*\}" --endpoint-url /);
    const dbPort = Number(/Fake db \(postgres, embedded\): 127\.0\.0\.1:(\d+)/.exec(printed)![1]);
    // The scenario's password is wrong on purpose; the CLI sees Glue's prefix and the server's FATAL.
    const failure = await exec('bash', ['-c', command], { env: { ...process.env, PH_PASSWORD: 'not-the-password' } }).catch((e) => e);
    expect(failure.stderr).toContain('An error occurred (InvalidInputException) when calling the TestConnection operation: Check that your connection definition references your JDBC database with correct URL syntax, username, and password. FATAL: password authentication failed for user "etl_reader"');
    served.kill('SIGINT');
    expect((await finished).code).toBe(0);
    expect(await eventually(() => isPortClosed(dbPort))).toBe(true);
  });

  it('serves a bare endpoint on --port for the user own tools', async () => {
    const port = await freePort();
    const child = spawnCli(['serve', '--port', String(port)]);
    const done = collect(child);
    await waitForOutput(child, /Press Ctrl-C to stop\./);
    const url = `http://127.0.0.1:${port}`;
    const creds = 'AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y';
    expect(await aws(`${creds} aws transfer list-connectors --endpoint-url ${url}`)).toEqual({ Connectors: [] });
    const secret = (await aws(`${creds} aws secretsmanager create-secret --name partner/x --secret-string '{"Username":"u","Password":"p4ss-w0rd"}' --endpoint-url ${url}`)) as { ARN: string };
    expect(secret.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:partner\/x-[A-Za-z0-9]{6}$/);
    const failure = await exec('bash', ['-c', `${creds} aws transfer describe-connector --connector-id c-0123456789abcdef0 --endpoint-url ${url} --region us-east-1`]).catch((e) => e);
    expect(failure.stderr).toContain('An error occurred (ResourceNotFoundException) when calling the DescribeConnector operation: Unknown connector');
    // A client's action name is printed per call: an escape sequence in it is shown, never sent to the terminal.
    const hostile = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'AWS4-HMAC-SHA256 Credential=x/20261202/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0' },
      body: 'Action=Describe%1B%5B2JVpcs&Version=2016-11-15',
    });
    expect(hostile.status).toBe(400);
    await waitForOutput(child, /InvalidAction/);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ec2:Describe\\u001b[2JVpcs -> HTTP 400 InvalidAction');
    expect(result.stdout).not.toContain('\u001b');
    expect(await eventually(() => isPortClosed(port))).toBe(true);
  });
});
