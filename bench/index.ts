import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GlueClient, TestConnectionCommand as GlueTestConnectionCommand } from '@aws-sdk/client-glue';
import { CreateConnectorCommand, DescribeConnectorCommand, TestConnectionCommand, TransferClient } from '@aws-sdk/client-transfer';
import ssh2 from 'ssh2';
import { isContainerRuntimeAvailable } from '../fakes/container/index.ts';
import { isRuntimeAvailable, MysqlFake, PostgresFake } from '../fakes/db/index.ts';
import { isSftpRuntimeAvailable, SftpFake, type StartedSftpFake } from '../fakes/sftp/index.ts';
import { AwsEndpoint } from '../harness/aws/index.ts';
import { startFixedAnswerServer } from './fixed-answer-server.ts';
import { formatRow, measure, measureSideBySide, percentile } from './measure.ts';
import { goalRow, median, sample, trivialVitest } from './run-sample.ts';
import { benchScale } from './scale.ts';
import { benchStartup } from './startup.ts';

/**
 * `npm run bench`: the figures the README records, from one run. Timing goals live here, never
 * in tests. Floors to compare with are in shared/reference/performance-notes.md.
 */
const USER = 'bench';
const PASSWORD = 'bench-Password-1';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Issue 13 goals, as ratios against figures measured in the same run. */
const GOAL_CATALOGUE_RATIO = 15;
const GOAL_TEST_CONNECTION_RATIO = 1.3;

async function main(): Promise<void> {
  const rows: string[] = [];
  const log = (row: string) => {
    rows.push(row);
    console.log(row);
  };
  console.log(`${'what'.padEnd(52)}${'p50'.padStart(10)}${'p90'.padStart(10)}`);
  // `npm run bench -- catalogue`, `-- scale` or `-- test-connection`: only those figures, with their reference.
  const only = ['startup', 'catalogue', 'scale', 'test-connection'].find((section) => process.argv.includes(section));
  if (only === 'test-connection') return benchTestConnection(log);
  if (only === 'catalogue') return catalogueGoal(log);
  if (only === 'scale') return benchScale(ROOT, log, await referenceMs(log));
  await benchStartup(ROOT, log);
  // `npm run bench -- startup`: only the start-up figures (a minute instead of several).
  if (only === 'startup') return;

  await benchTestConnection(log);

  await benchGlue(log);

  await benchRuntimes(log);
  await catalogueGoal(log);
  const reference = await referenceMs(log);
  for (const runtime of ['process', 'container'] as const) {
    if (runtime === 'container' && !isContainerRuntimeAvailable().available) {
      console.log(`catalogue wall time, runtime container: skipped (${isContainerRuntimeAvailable().reason})`);
      continue;
    }
    catalogueWallTime(runtime, reference);
  }
  await benchScale(ROOT, log, reference);
}

/**
 * Fake start-up, then Transfer TestConnection against the floor, measured side by side. The
 * DescribeConnector row is the same SDK client and endpoint without SSH; the fixed-answer row is
 * the same SDK call against a server that does nothing: the SDK and HTTP alone, which no
 * emulator can make cheaper.
 */
async function benchTestConnection(log: (row: string) => void): Promise<void> {
  const newFake = () => new SftpFake().withUser(USER, { password: PASSWORD }).start();
  const startStop = await measure(async () => (await newFake()).stop(), { runs: 50, warmup: 5 });
  log(formatRow('fake SFTP start → ready (+ stop), ecdsa host key', startStop));

  const fake = await newFake();
  const endpoint = await new AwsEndpoint().start();
  const transfer = new TransferClient(endpoint.getClientConfig());
  const fixed = await startFixedAnswerServer(JSON.stringify({ Connector: { ConnectorId: 'c-0123456789abcdef0', Url: fake.getUrl() } }));
  const sdkOnly = new TransferClient({ ...endpoint.getClientConfig(), endpoint: fixed.url });
  try {
    const connectorId = await createConnector(fake, endpoint.getClientConfig());
    const { emulated, bare, describe, sdk } = await measureSideBySide(
      {
        emulated: async () => {
          const answer = await transfer.send(new TestConnectionCommand({ ConnectorId: connectorId }));
          if (answer.Status !== 'OK') throw new Error(`TestConnection answered ${answer.Status}: ${answer.StatusMessage}`);
        },
        bare: () => bareSsh2(fake),
        describe: () => transfer.send(new DescribeConnectorCommand({ ConnectorId: connectorId })),
        sdk: () => sdkOnly.send(new DescribeConnectorCommand({ ConnectorId: connectorId })),
      },
      { runs: 200, warmup: 10 },
    );
    log(formatRow('emulated TestConnection round trip (SDK → endpoint → SSH)', emulated));
    log(formatRow('bare ssh2 connect+auth+sftp+close (the floor)', bare));
    log(formatRow('SDK → endpoint, no SSH (DescribeConnector)', describe));
    log(formatRow('SDK → a server with a fixed answer (SDK + HTTP)', sdk));
    const ratio = percentile(emulated, 50) / percentile(bare, 50);
    log(goalRow('ratio emulated / floor (p50)', `${ratio.toFixed(2)}×`, `≤ ${GOAL_TEST_CONNECTION_RATIO}×`, ratio <= GOAL_TEST_CONNECTION_RATIO));
    const beyondSdk = (percentile(emulated, 50) - percentile(describe, 50)) / percentile(bare, 50);
    log(`${'(emulated − no-SSH round trip) / floor (p50)'.padEnd(52)}${`${beyondSdk.toFixed(2)}×`.padStart(10)}`);
    // What the goal leaves the emulator: any emulator reached through this SDK pays at least floor + SDK.
    const least = (percentile(bare, 50) + percentile(sdk, 50)) / percentile(bare, 50);
    log(`${'(floor + SDK with a fixed answer) / floor (p50)'.padEnd(52)}${`${least.toFixed(2)}×`.padStart(10)}`);
  } finally {
    sdkOnly.destroy();
    await fixed.stop();
    transfer.destroy();
    await fake.stop();
    await endpoint.stop();
  }
}

/** The reference of the wall-time ratios: the median of `runs` trivial `vitest run`s, measured now (after one unmeasured). */
async function referenceMs(log: (row: string) => void, runs = 5): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'ph-bench-reference-'));
  try {
    const { args, cwd } = trivialVitest(ROOT, work);
    await sample(args, cwd);
    const walls: number[] = [];
    for (let i = 0; i < runs; i++) walls.push((await sample(args, cwd)).wallMs);
    const reference = median(walls);
    log(`${`reference: trivial vitest run, wall (median of ${runs})`.padEnd(52)}${`${reference.toFixed(0)} ms`.padStart(10)}`);
    return reference;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The embedded catalogue against its goal (≤ 15× the trivial run): three rounds of a reference
 * and a catalogue run in turn, and the median of their ratios. One run of a 10 s command varies by
 * a second on these VMs, and their speed drifts within minutes: each ratio takes its own reference.
 */
async function catalogueGoal(log: (row: string) => void): Promise<void> {
  const ratios: number[] = [];
  for (let round = 0; round < 3; round++) ratios.push(catalogueWallTime('embedded', await referenceMs(log, 3)));
  const ratio = median(ratios);
  log(goalRow('catalogue / trivial vitest, embedded (median of 3)', `${ratio.toFixed(1)}×`, `≤ ${GOAL_CATALOGUE_RATIO}×`, ratio <= GOAL_CATALOGUE_RATIO));
}

/** `partner-harness run` over the shipped catalogue in one runtime, as a ratio to the reference; returns the ratio. */
function catalogueWallTime(runtime: string, reference: number): number {
  const out = mkdtempSync(join(tmpdir(), 'ph-bench-'));
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/partner-harness.js'), 'run', '--catalogue', '--runtime', runtime, '--out', out], { encoding: 'utf8' });
  const wall = Date.now() - started;
  rmSync(out, { recursive: true, force: true });
  const summary = /^(\d+) passed, (\d+) failed, \d+ invalid, (\d+) skipped/m.exec(run.stdout ?? '');
  const label = `catalogue wall time, runtime ${runtime}`;
  console.log(`${label.padEnd(52)}${`${(wall / 1000).toFixed(1)} s`.padStart(10)}  ${summary ? `${summary[1]} passed, ${summary[2]} failed, ${summary[3]} skipped` : `exit ${run.status}`}`);
  const ratio = wall / reference;
  console.log(`${`catalogue / trivial vitest, runtime ${runtime}`.padEnd(52)}${`${ratio.toFixed(1)}×`.padStart(10)}`);
  return ratio;
}

/** Start → ready (+ stop) of each fake in each runtime this machine has, side by side. */
async function benchRuntimes(log: (row: string) => void): Promise<void> {
  const fakes: Array<[string, (runtime: 'embedded' | 'process' | 'container') => Promise<{ stop(): Promise<void> }>, string[]]> = [
    ['SFTP', (runtime) => new SftpFake().withRuntime(runtime).withUser(USER, { password: PASSWORD }).start(), ['embedded', 'process', 'container']],
    ['PostgreSQL', (runtime) => new PostgresFake().withRuntime(runtime).withUser(USER, PASSWORD).start(), ['embedded', 'process', 'container']],
    ['MariaDB', (runtime) => new MysqlFake().withRuntime(runtime).withUser(USER, PASSWORD).start(), ['process', 'container']],
  ];
  for (const [name, start, runtimes] of fakes) {
    for (const runtime of runtimes as Array<'embedded' | 'process' | 'container'>) {
      const available = name === 'SFTP' ? isSftpRuntimeAvailable(runtime) : isRuntimeAvailable(name === 'PostgreSQL' ? 'postgresql' : 'mysql', runtime);
      if (!available.available) {
        console.log(`${`${name} start → ready, ${runtime}`.padEnd(52)}${'skipped'.padStart(10)}  ${available.reason}`);
        continue;
      }
      log(formatRow(`${name} start → ready (+ stop), ${runtime}`, await measure(async () => (await start(runtime)).stop(), { runs: 3, warmup: 1 })));
    }
  }
}

/** A real embedded Postgres per start; then Glue TestConnection (SDK → endpoint → pg login) against one. */
async function benchGlue(log: (row: string) => void): Promise<void> {
  const newDb = () => new PostgresFake().withUser(USER, PASSWORD).withDatabase('bench', { owner: USER }).start();
  const db = await newDb();
  const endpoint = await new AwsEndpoint().start();
  const glue = new GlueClient(endpoint.getClientConfig());
  try {
    const input = {
      ConnectionType: 'JDBC' as const,
      ConnectionProperties: { JDBC_CONNECTION_URL: db.getJdbcUrl('bench'), USERNAME: USER, PASSWORD },
    };
    const rounds = await measure(() => glue.send(new GlueTestConnectionCommand({ TestConnectionInput: input })), { runs: 30, warmup: 3 });
    log(formatRow('emulated Glue TestConnection round trip (pg login)', rounds));
  } finally {
    glue.destroy();
    await endpoint.stop();
    await db.stop();
  }
}

async function createConnector(fake: StartedSftpFake, config: ReturnType<Awaited<ReturnType<AwsEndpoint['start']>>['getClientConfig']>): Promise<string> {
  const secrets = new SecretsManagerClient(config);
  const secret = await secrets.send(new CreateSecretCommand({ Name: 'bench', SecretString: JSON.stringify({ Username: USER, Password: PASSWORD }) }));
  secrets.destroy();
  const transfer = new TransferClient(config);
  const { ConnectorId } = await transfer.send(
    new CreateConnectorCommand({
      Url: fake.getUrl(),
      AccessRole: 'arn:aws:iam::000000000000:role/bench',
      SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: [fake.getHostKey()] },
    }),
  );
  transfer.destroy();
  return ConnectorId!;
}

/** What performance-notes.md measured as the floor: connect, password auth, sftp realpath, close, with noDelay. */
function bareSsh2(fake: StartedSftpFake): Promise<void> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('connect', () => client.setNoDelay(true))
      .on('ready', () =>
        client.sftp((err, sftp) => {
          if (err) return reject(err);
          sftp.realpath('.', (realpathErr) => {
            client.end();
            if (realpathErr) reject(realpathErr);
          });
        }),
      )
      .on('error', reject)
      .on('close', () => resolve())
      .connect({ host: fake.getHost(), port: fake.getPort(), username: USER, password: PASSWORD });
  });
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await main();
