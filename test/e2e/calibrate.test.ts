import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import { GlueClient, GetConnectionsCommand } from '@aws-sdk/client-glue';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ListConnectorsCommand, TransferClient } from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../harness/aws/index.ts';
import type { CalibrationReport } from '../../harness/calibrate/calibration-report.ts';
import type { ObservedMessages } from '../../harness/catalogue/observed-message.ts';
import type { RunReport } from '../../harness/reports/index.ts';
import { collect, ROOT, runCli, spawnCli, waitForOutput, type CliResult } from '../support/run-cli.ts';

/**
 * calibrate and --mode aws against a stand-in for AWS: a second emulator whose catalogue says
 * three things differently (and echoes a canary password in one of them). Everything but the far
 * end is real: the CLI, the two runs of each scenario, the diff, the messages file, and `run`
 * loading it from the config. Real AWS is the one boundary these tests do not cross.
 */
const CANARY = 'CANARY-calibrate-9f1c2b7e';
const STAND_IN_TEXTS = {
  'transfer.test-connection.succeeded': 'Connection to the remote server succeeded',
  'transfer.test-connection.auth-failed': `Login refused for user {username}: credentials ${CANARY} rejected`,
  'glue.test-connection.name-and-input': 'ConnectionName and TestConnectionInput cannot both be specified',
};
const exec = promisify(execFile);
const SCENARIOS = ['transfer-connector/01-password-login-succeeds.yaml', 'transfer-connector/03-key-only-partner-rejects-password.yaml', 'glue-connection/18-name-and-input-together.yaml', 'glue-connection/22-unknown-connection-name.yaml'];

describe('calibrate against a second emulator standing in for AWS', () => {
  let dir: string;
  let standIn: StartedAwsEndpoint;
  let env: NodeJS.ProcessEnv;
  const cli = (args: string[]) => runCli(args, { cwd: dir, env });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-calibrate-'));
    for (const scenario of SCENARIOS) await cp(join(ROOT, 'scenarios', scenario), join(dir, 'scenarios', scenario.split('/')[1]!));
    // The key-only partner's scenario with a literal password: the canary the stand-in echoes.
    const keyOnly = join(dir, 'scenarios', '03-key-only-partner-rejects-password.yaml');
    await writeFile(keyOnly, (await readFile(keyOnly, 'utf8')).replace(/password: '\{\{ faker[^']*'/, `password: ${CANARY}`));
    expect(await readFile(keyOnly, 'utf8')).toContain(`password: ${CANARY}`);
    standIn = await new AwsEndpoint().withMessageOverrides(STAND_IN_TEXTS).start();
    // The SDK's default chain, as against AWS: environment credentials, no profile files.
    env = { AWS_ACCESS_KEY_ID: 'stand-in', AWS_SECRET_ACCESS_KEY: 'stand-in', AWS_REGION: 'eu-west-1', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  });
  afterAll(async () => {
    await standIn?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  /** What is left on the stand-in: nothing, once each scenario has deleted what it created there. */
  async function leftOnStandIn(): Promise<unknown[]> {
    const config = standIn.getClientConfig();
    const [transfer, secrets, glue] = [new TransferClient(config), new SecretsManagerClient(config), new GlueClient(config)];
    try {
      const [connectors, secretList, connections] = await Promise.all([
        transfer.send(new ListConnectorsCommand({})),
        secrets.send(new ListSecretsCommand({})),
        glue.send(new GetConnectionsCommand({})),
      ]);
      return [...(connectors.Connectors ?? []), ...(secretList.SecretList ?? []), ...(connections.ConnectionList ?? [])];
    } finally {
      for (const client of [transfer, secrets, glue]) client.destroy();
    }
  }

  async function outputs(out: string, result: CliResult): Promise<string[]> {
    const files = await readdir(out);
    return [result.stdout, result.stderr, ...(await Promise.all(files.map((file) => readFile(join(out, file), 'utf8'))))];
  }

  let calibration: CalibrationReport;
  let observed: ObservedMessages;

  it('finds the three texts the stand-in words differently, records them by catalogue id, and leaves nothing there (exit 1)', async () => {
    const out = join(dir, 'calibration');
    const result = await cli(['calibrate', 'scenarios', '--against', standIn.getUrl(), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(1);
    expect((await readdir(out)).sort()).toEqual(['calibration.html', 'calibration.json', 'messages.observed.json']);
    calibration = JSON.parse(await readFile(join(out, 'calibration.json'), 'utf8')) as CalibrationReport;
    expect(calibration).toMatchObject({ target: standIn.getUrl(), region: 'eu-west-1', totals: { matched: 1, different: 3, error: 0, skipped: 0, total: 4, observed: 3 } });
    const byFile = Object.fromEntries(calibration.scenarios.map((entry) => [entry.file, entry]));

    const succeeded = byFile['scenarios/01-password-login-succeeds.yaml']!;
    expect(succeeded).toMatchObject({ verdict: 'different', message: 'different', operation: 'transfer:TestConnection' });
    expect(succeeded.emulated).toMatchObject({ status: 'OK', message: 'Connection succeeded', httpStatus: 200, messageId: 'transfer.test-connection.succeeded', provenance: 'documented' });
    expect(succeeded.target).toMatchObject({ status: 'OK', message: 'Connection to the remote server succeeded', httpStatus: 200 });
    expect(succeeded.target!.shape).toEqual(succeeded.emulated!.shape);
    expect(succeeded.target!.shape).toEqual(expect.arrayContaining(['ConnectorId', 'Status', 'StatusMessage', 'SftpConnectionDetails', 'SftpConnectionDetails.HostKey']));
    expect(succeeded.differences).toEqual([{ aspect: 'message', emulated: 'Connection succeeded', target: 'Connection to the remote server succeeded' }]);

    // The scenario's user name is put back as the entry's placeholder; the echoed password is masked.
    const refused = byFile['scenarios/03-key-only-partner-rejects-password.yaml']!;
    const username = /^Authentication failed for user (\S+) \(tried: password\)$/.exec(refused.emulated!.message!)?.[1];
    expect(username).toBeTruthy();
    expect(refused.target).toMatchObject({ status: 'ERROR', message: `Login refused for user ${username}: credentials *** rejected` });

    const glue = byFile['scenarios/18-name-and-input-together.yaml']!;
    expect(glue.differences).toEqual([{ aspect: 'message', emulated: 'Provide either ConnectionName or TestConnectionInput, not both', target: STAND_IN_TEXTS['glue.test-connection.name-and-input'] }]);
    expect(glue.target).toMatchObject({ exception: 'InvalidInputException', httpStatus: 400, shape: [] });
    expect(byFile['scenarios/22-unknown-connection-name.yaml']).toMatchObject({ verdict: 'matched', message: 'equal', differences: [] });

    observed = JSON.parse(await readFile(join(out, 'messages.observed.json'), 'utf8')) as ObservedMessages;
    const seen = { region: 'eu-west-1', target: standIn.getUrl(), observedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) };
    expect(observed).toEqual({
      'transfer.test-connection.succeeded': { ...seen, text: 'Connection to the remote server succeeded', scenario: 'scenarios/01-password-login-succeeds.yaml#A partner accepts the connector\'s password login' },
      'transfer.test-connection.auth-failed': {
        ...seen,
        text: `Login refused for user ${username}: credentials *** rejected`,
        template: 'Login refused for user {username}: credentials *** rejected',
        scenario: 'scenarios/03-key-only-partner-rejects-password.yaml#A partner that only accepts keys rejects a password-only secret',
      },
      'glue.test-connection.name-and-input': { ...seen, text: STAND_IN_TEXTS['glue.test-connection.name-and-input'], scenario: expect.stringMatching(/^scenarios\/18-name-and-input-together\.yaml#/) },
    });

    expect(result.stdout).toMatch(/^✗ different +scenarios\/01-password-login-succeeds\.yaml/m);
    expect(result.stdout).toContain('    message: emulated "Connection succeeded"\n             target   "Connection to the remote server succeeded"\n');
    expect(result.stdout).toMatch(/^✓ matched +scenarios\/22-unknown-connection-name\.yaml/m);
    expect(result.stdout).toContain(`4 scenario(s) against ${standIn.getUrl()} (eu-west-1): 1 matched, 3 different, 0 could not run, 0 skipped; 3 text(s) observed`);
    const html = await readFile(join(out, 'calibration.html'), 'utf8');
    expect(html).toContain('Connection to the remote server succeeded');
    expect(html).not.toMatch(/<script|src=|href=/);
    for (const text of await outputs(out, result)) expect(text).not.toContain(CANARY);
    // The given resources were made on the stand-in through its API, then deleted there, newest first.
    const calls = standIn.getCalls().map((call) => `${call.operation}${call.error ? ` ${call.error.type}` : ''}`);
    expect(calls.filter((call) => /^(Create|Delete)(Secret|Connector)/.test(call))).toEqual([
      'CreateSecret', 'CreateConnector', 'DeleteConnector', 'DeleteSecret', // 01: password login
      'CreateSecret', 'CreateConnector', 'DeleteConnector', 'DeleteSecret', // 03: key-only partner
    ]);
    expect(await leftOnStandIn()).toEqual([]);
  });

  it('run loads the messages file from the config: the answers carry the observed texts with provenance observed', async () => {
    await mkdir(join(dir, 'partners'), { recursive: true });
    await writeFile(join(dir, 'partners', 'messages.observed.json'), JSON.stringify(observed, null, 2));
    await writeFile(join(dir, 'partner-harness.config.mjs'), `export default { scenarios: ['scenarios'], messages: './partners/messages.observed.json' };\n`);
    const out = join(dir, 'run-observed');
    const result = await cli(['run', '--out', out]);
    // The scenarios still expect the catalogue's texts: with AWS's words they fail, which is the point.
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    const byFile = Object.fromEntries(report.scenarios.map((scenario) => [scenario.file, scenario.result!]));
    const succeeded = byFile['01-password-login-succeeds.yaml']!;
    expect(succeeded.response).toMatchObject({ Status: 'OK', StatusMessage: 'Connection to the remote server succeeded' });
    expect(succeeded.emulator!.messages).toEqual([
      {
        id: 'transfer.test-connection.succeeded',
        text: 'Connection to the remote server succeeded',
        provenance: 'observed',
        source: expect.stringMatching(/^\.\/partners\/messages\.observed\.json \(observed \d{4}-.* from http:\/\/127\.0\.0\.1:\d+ in eu-west-1, scenarios\/01-password-login-succeeds\.yaml#/),
      },
    ]);
    // The template renders the scenario's own user name.
    const username = /user (\S+):/.exec(observed['transfer.test-connection.auth-failed']!.text)![1];
    expect(byFile['03-key-only-partner-rejects-password.yaml']!.response).toMatchObject({ Status: 'ERROR', StatusMessage: `Login refused for user ${username}: credentials *** rejected` });
    expect(byFile['18-name-and-input-together.yaml']!.error).toMatchObject({ name: 'InvalidInputException', message: STAND_IN_TEXTS['glue.test-connection.name-and-input'] });
    expect(report.scenarios.find((scenario) => scenario.file === '22-unknown-connection-name.yaml')!.state).toBe('passed');
    expect(result.stdout).toContain(`[transfer:TestConnection → OK "Connection to the remote server succeeded" (observed)]`);
  });

  it('calibrating again with the observed texts loaded finds the stand-in matches (exit 0)', async () => {
    const result = await cli(['calibrate', '--against', standIn.getUrl(), '--out', join(dir, 'calibration-again')]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const again = JSON.parse(await readFile(join(dir, 'calibration-again', 'calibration.json'), 'utf8')) as CalibrationReport;
    expect(again.totals).toMatchObject({ matched: 4, different: 0, observed: 0 });
    expect(again.scenarios.find((entry) => entry.file.endsWith('01-password-login-succeeds.yaml'))!.emulated).toMatchObject({ provenance: 'observed' });
    expect(JSON.parse(await readFile(join(dir, 'calibration-again', 'messages.observed.json'), 'utf8'))).toEqual({});
  });

  it('serve loads the same messages file from the config: the AWS CLI sees the observed text', async () => {
    const child = spawnCli(['serve', join('scenarios', '01-password-login-succeeds.yaml')], { cwd: dir, env });
    const done = collect(child);
    const printed = await waitForOutput(child, /Press Ctrl-C to stop\./);
    const command = /^ {2}(AWS_ACCESS_KEY_ID=.* aws transfer test-connection .*)$/m.exec(printed)![1]!;
    const { stdout } = await exec('bash', ['-c', `${command} --output json`], { env: { ...process.env, ...env } });
    expect(JSON.parse(stdout)).toMatchObject({ Status: 'OK', StatusMessage: 'Connection to the remote server succeeded' });
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
  });

  it('a messages file naming an id the catalogue does not have stops run with the file, the id and the fix (exit 2)', async () => {
    await writeFile(join(dir, 'partners', 'stale.json'), JSON.stringify({ 'transfer.test-connection.gone': Object.values(observed)[0] }));
    await writeFile(join(dir, 'stale.config.mjs'), `export default { scenarios: ['scenarios'], messages: './partners/stale.json' };\n`);
    const result = await cli(['run', '--config', 'stale.config.mjs', '--out', join(dir, 'run-stale')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid config file ${join(dir, 'stale.config.mjs')}:`);
    expect(result.stderr).toContain("messages (./partners/stale.json): transfer.test-connection.gone: 'transfer.test-connection.gone' is not a message id of this partner-harness");
    expect(result.stderr).toContain('Remove the entry, or run partner-harness calibrate again');
    const served = await cli(['serve', '--config', 'stale.config.mjs']);
    expect(served.code).toBe(2);
    expect(served.stderr).toContain("messages (./partners/stale.json): transfer.test-connection.gone: 'transfer.test-connection.gone' is not a message id of this partner-harness");
  });

  it('run --mode aws sends the same calls to the endpoint AWS_ENDPOINT_URL names, and deletes what it created there', async () => {
    const out = join(dir, 'run-aws');
    const run = await runCli(['run', 'scenarios/01-password-login-succeeds.yaml', 'scenarios/22-unknown-connection-name.yaml', '--mode', 'aws', '--out', out], { cwd: dir, env: { ...env, AWS_ENDPOINT_URL: standIn.getUrl() } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as RunReport;
    expect(report.mode).toBe('aws');
    const [succeeded, unknown] = ['01-password-login-succeeds.yaml', '22-unknown-connection-name.yaml'].map((file) => report.scenarios.find((scenario) => scenario.file === `scenarios/${file}` || scenario.file === file)!);
    expect(succeeded!.result!.response).toMatchObject({ Status: 'OK', StatusMessage: 'Connection to the remote server succeeded' });
    expect(succeeded!.result!.emulator).toBeUndefined();
    expect(unknown!.state).toBe('passed');
    expect(await leftOnStandIn()).toEqual([]);
  });

  it('exits 3 when the target cannot be reached and 2 for a target that is not one', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const unreachable = await cli(['calibrate', 'scenarios/22-unknown-connection-name.yaml', '--against', `http://127.0.0.1:${closed}`, '--out', join(dir, 'unreachable')]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain(`partner-harness: http://127.0.0.1:${closed} could not be reached: connect ECONNREFUSED`);
    // A target that takes the connection and never answers is unreachable too, not a hang.
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    try {
      const hanging = await cli(['calibrate', 'scenarios/22-unknown-connection-name.yaml', '--against', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, '--out', join(dir, 'silent')]);
      expect(hanging.code).toBe(3);
    } finally {
      silent.close();
    }
    const bad = await cli(['calibrate', 'scenarios', '--against', 'ftp://user:pw-secret@example.org']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--against: ftp: is not an endpoint URL');
    const credentials = await cli(['calibrate', 'scenarios', '--against', 'http://user:pw-secret@example.org']);
    expect(credentials.code).toBe(2);
    expect(credentials.stderr).not.toContain('pw-secret');
    const none = await cli(['calibrate', 'scenarios']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('calibrate needs a target: --against aws');
  }, 60_000);
});
