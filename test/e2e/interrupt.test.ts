import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGED_LABEL } from '../../fakes/container/index.ts';
import { ENGINE_DIR_ENV } from '../../fakes/db/index.ts';
import { collect, spawnCli, waitForOutput, type CliResult } from '../support/run-cli.ts';
import { eventually, isProcessGroupGone } from '../support/ports.ts';
import { expectReportsAbsentOrComplete, leftInTmpdir, privateTmpdir, processesUnder } from '../support/run-artifacts.ts';

// A partner that never answers and a 60 s emulated timeout: the run is still busy when the
// signal comes, with a fake listening inside a vitest worker process.
const HANGING = `name: hanging partner
emulator: { connectTimeoutMs: 60000 }
given:
  fakes:
    partner: { kind: sftp, users: [{ name: u, password: Pass-word-1 }], faults: [{ kind: hang }] }
  secrets:
    credentials: { SecretString: { Username: u, Password: Pass-word-1 } }
  connectors:
    partner:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/connector
      SftpConfig: { UserSecretId: "{{ secrets.credentials.arn }}", TrustedHostKeys: ["{{ fakes.partner.hostKey }}"] }
when: { operation: "transfer:TestConnection", input: { ConnectorId: "{{ connectors.partner.id }}" } }
then: { status: OK }
`;

/** The same hang, with a real Postgres engine running beside it inside the worker's scenario. */
const HANGING_WITH_DATABASE = HANGING.replace(
  'given:\n  fakes:\n',
  'given:\n  fakes:\n    db: { kind: postgres, users: [{ name: app, password: App-Pass-1 }], databases: [{ name: appdb, owner: app }] }\n',
).replace('name: hanging partner', 'name: hanging partner beside a database');

/**
 * Glue logging in to a Postgres fake: the engine starts (initdb, then postgres) before the call.
 * A firewall in between then swallows the login, under a 60 s timeout, so the run is still busy
 * when a signal comes late: start-up is fast enough (an engine started ahead, work dirs in RAM)
 * that a scenario that answered could finish before a +900 ms signal.
 */
const GLUE_POSTGRES = `name: Glue logs in to Postgres
emulator: { connectTimeoutMs: 60000 }
faults:
  - { target: db, blackhole: true }
given:
  fakes:
    db: { kind: postgres, users: [{ name: etl, password: Etl-Pass-1 }], databases: [{ name: orders, owner: etl }] }
when:
  operation: glue:TestConnection
  input:
    TestConnectionInput:
      ConnectionType: JDBC
      ConnectionProperties: { JDBC_CONNECTION_URL: "{{ fakes.db.jdbcUrl }}", USERNAME: etl, PASSWORD: Etl-Pass-1 }
then: { error: OperationTimeoutException }
`;

/**
 * Finishes at once (no fake): the scenario an interrupted run can report as finished. Padded:
 * without timings from earlier runs vitest runs the larger file first, and this one must.
 */
const QUICK = `name: quick unknown connector
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
${'# padding\n'.repeat(200)}`;

interface Run {
  child: ChildProcess;
  done: Promise<CliResult>;
  stderr: () => string;
  tmp: string;
  out: string;
}

/** The CLI on `scenarioDir`, in its own process group and with its own TMPDIR. */
async function startRun(scenarioDir: string, extraArgs: string[] = []): Promise<Run> {
  const tmp = await privateTmpdir('ph-sigint-tmp-');
  const out = join(tmp, '..', `${tmp.split('/').at(-1)}-out`);
  const child = spawnCli(['run', scenarioDir, '--out', out, ...extraArgs], {
    detached: true,
    env: { TMPDIR: tmp, [ENGINE_DIR_ENV]: tmp, DEBUG: 'partner-harness:scenario,partner-harness:fake:db' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return { child, done: collect(child), stderr: () => stderr, tmp, out };
}

/** Sends SIGINT once `marker` is on stderr (plus `delayMs`), and waits for the CLI to end. */
async function interruptWhen(run: Run, marker: string, delayMs = 0, timeoutMs = 60_000): Promise<CliResult> {
  expect(await eventually(() => run.stderr().includes(marker), timeoutMs), `stderr shows '${marker}'`).toBe(true);
  if (delayMs > 0) await sleep(delayMs);
  run.child.kill('SIGINT');
  return run.done;
}

/** Exit 130, no process of the run left, nothing in its TMPDIR, reports complete or absent. */
async function expectCleanInterrupt(run: Run, result: CliResult) {
  expect(result.code, result.stderr.slice(-2000)).toBe(130);
  expect(await eventually(() => isProcessGroupGone(run.child.pid!), 15_000)).toBe(true);
  expect(await eventually(() => processesUnder(run.tmp).length === 0, 15_000), processesUnder(run.tmp).join('\n')).toBe(true);
  expect(await leftInTmpdir(run.tmp)).toEqual([]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return expectReportsAbsentOrComplete(run.out);
}

describe('SIGINT during a run', () => {
  let dir: string;
  const runs: Run[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-sigint-'));
  });
  afterAll(async () => {
    for (const run of runs) {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await rm(run.tmp, { recursive: true, force: true });
      await rm(run.out, { recursive: true, force: true });
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function scenarios(name: string, files: Record<string, string>): Promise<string> {
    const folder = join(dir, name);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
    return folder;
  }

  async function run(folder: string, extraArgs: string[] = []): Promise<Run> {
    const started = await startRun(folder, extraArgs);
    runs.push(started);
    return started;
  }

  it('a completed run leaves only caches in its TMPDIR, so anything else an interrupt leaves is a leak', async () => {
    const completed = await run(await scenarios('quick', { 'quick.yaml': QUICK }));
    expect((await completed.done).code).toBe(0);
    expect(await leftInTmpdir(completed.tmp)).toEqual([]);
    expect((await expectReportsAbsentOrComplete(completed.out))?.totals).toMatchObject({ passed: 1, total: 1 });
  });

  it('mid-run: stops the workers and their fakes, exits 130, and reports the scenario that finished, marked interrupted', async () => {
    const folder = await scenarios('mid-run', { 'a-quick.yaml': QUICK, 'b-hanging.yaml': HANGING });
    const started = await run(folder);
    expect(await eventually(() => started.stderr().includes('quick unknown connector: passed'), 30_000)).toBe(true);
    const result = await interruptWhen(started, 'hanging partner: calling transfer:TestConnection');
    const report = await expectCleanInterrupt(started, result);
    expect(report).toMatchObject({ interrupted: true, totals: { passed: 1, total: 1 } });
    expect(report!.scenarios.map((s) => s.name)).toEqual(['quick unknown connector']);
    expect(result.stdout).toContain('Interrupted: only the scenarios that finished before the interrupt are listed.');
  });

  it.for([
    ['while the CLI loads', 300],
    ['once vitest has started, before the scenario runs', 'RUN'],
  ] as const)('%s: exits 130 with complete reports or none', async ([, moment]) => {
    const started = await run(await scenarios(`early-${moment}`, { 'hanging.yaml': HANGING }));
    if (typeof moment === 'number') await sleep(moment);
    else await waitForOutput(started.child, /RUN/);
    started.child.kill('SIGINT');
    const report = await expectCleanInterrupt(started, await started.done);
    if (report) expect(report.scenarios).toEqual([]);
  });

  // The moments of a Glue scenario's Postgres start-up: the work dir being made, initdb running,
  // the engine starting. A signal in any of them must leave no engine, no initdb, no work dir.
  it.for([0, 150, 400, 900])('during the Glue Postgres fake start-up (+%i ms): no work dir, initdb or engine is left', { timeout: 120_000 }, async (delayMs) => {
    const started = await run(await scenarios(`glue-${delayMs}`, { 'glue.yaml': GLUE_POSTGRES }));
    const result = await interruptWhen(started, 'starting fake db (postgres)', delayMs);
    const report = await expectCleanInterrupt(started, result);
    if (report) expect(report.scenarios).toEqual([]);
  });

  it('stops an embedded Postgres engine that is running: nothing outlives the run', async () => {
    const started = await run(await scenarios('db', { 'hanging.yaml': HANGING_WITH_DATABASE }));
    expect(await eventually(() => started.stderr().includes('calling transfer:TestConnection'), 60_000)).toBe(true);
    expect(processesUnder(started.tmp).length).toBeGreaterThan(0);
    await expectCleanInterrupt(started, await interruptWhen(started, 'calling transfer:TestConnection'));
  });

  it('a second Ctrl-C exits at once, and still leaves nothing behind', async () => {
    const started = await run(await scenarios('twice', { 'hanging.yaml': HANGING_WITH_DATABASE }));
    expect(await eventually(() => started.stderr().includes('calling transfer:TestConnection'), 60_000)).toBe(true);
    started.child.kill('SIGINT');
    await sleep(20);
    started.child.kill('SIGINT');
    await expectCleanInterrupt(started, await started.done);
  });

  it.for(['process', 'container'])('leaves no engine, sshd, OS user or container behind in the %s runtime', { timeout: 180_000 }, async (runtime, { skip }) => {
    if (runtime === 'container' && !process.env.DOCKER_HOST) {
      if (process.env.CI === 'true') throw new Error('DOCKER_HOST is not set: run scripts/docker/ensure-dockerd.sh');
      skip('DOCKER_HOST is not set');
    }
    const scenario = HANGING_WITH_DATABASE.replace('name: u,', 'name: ph-sigint-user,').replace('Username: u,', 'Username: ph-sigint-user,');
    const started = await run(await scenarios(`runtime-${runtime}`, { 'hanging.yaml': scenario }), ['--runtime', runtime]);
    const result = await interruptWhen(started, 'calling transfer:TestConnection', 0, 150_000);
    await expectCleanInterrupt(started, result);
    expect(await eventually(() => !osUserExists('ph-sigint-user'), 15_000)).toBe(true);
    if (runtime === 'container') expect(await eventually(() => ourContainers().length === 0, 30_000)).toBe(true);
  });
});

function osUserExists(name: string): boolean {
  try {
    execFileSync('getent', ['passwd', name]);
    return true;
  } catch {
    return false;
  }
}

function ourContainers(): string[] {
  return execFileSync('docker', ['ps', '-aq', '--filter', `label=${MANAGED_LABEL}=true`], { encoding: 'utf8' }).split('\n').filter(Boolean);
}
