import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGED_LABEL } from '#fakes/container/index.ts';
import { collect, spawnCli, waitForOutput } from '../support/run-cli.ts';
import { eventually, isProcessGroupGone } from '../support/ports.ts';

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

/** Engine processes started from our work dirs (partner-harness-db-*, partner-harness-sftp-*). */
function engineProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => /partner-harness-(db|sftp)-/.test(line) && !line.includes(' ps '));
}

describe('SIGINT during a run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-sigint-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops the run, its workers and their fakes, and exits 130', async () => {
    await writeFile(join(dir, 'hanging.yaml'), HANGING);
    // Own process group, so we can tell afterwards whether any worker survived.
    const child = spawnCli(['run', dir, '--out', join(dir, 'out')], { detached: true, env: { DEBUG: 'partner-harness:scenario' } });
    const done = collect(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    await waitForOutput(child, /RUN/);
    expect(await eventually(() => stderr.includes('calling transfer:TestConnection'), 30_000)).toBe(true);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(await eventually(() => isProcessGroupGone(child.pid!), 10_000)).toBe(true);
  });

  it('stops an embedded Postgres engine too: no engine process outlives the run', async () => {
    await writeFile(join(dir, 'hanging.yaml'), HANGING_WITH_DATABASE);
    const child = spawnCli(['run', dir, '--out', join(dir, 'out-db')], { detached: true, env: { DEBUG: 'partner-harness:scenario' } });
    const done = collect(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await eventually(() => stderr.includes('calling transfer:TestConnection'), 60_000)).toBe(true);
    expect(engineProcesses().length).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect((await done).code).toBe(130);
    expect(await eventually(() => isProcessGroupGone(child.pid!), 15_000)).toBe(true);
    expect(await eventually(() => engineProcesses().length === 0, 15_000)).toBe(true);
  });

  it.for(['process', 'container'])('leaves no engine, sshd, OS user or container behind in the %s runtime', { timeout: 180_000 }, async (runtime, { skip }) => {
    if (runtime === 'container' && !process.env.DOCKER_HOST) {
      if (process.env.CI === 'true') throw new Error('DOCKER_HOST is not set: run scripts/docker/ensure-dockerd.sh');
      skip('DOCKER_HOST is not set');
    }
    await writeFile(join(dir, 'hanging.yaml'), HANGING_WITH_DATABASE.replace('name: u,', 'name: ph-sigint-user,').replace('Username: u,', 'Username: ph-sigint-user,'));
    const child = spawnCli(['run', dir, '--runtime', runtime, '--out', join(dir, `out-${runtime}`)], { detached: true, env: { DEBUG: 'partner-harness:scenario' } });
    const done = collect(child);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await eventually(() => stderr.includes('calling transfer:TestConnection'), 150_000)).toBe(true);
    child.kill('SIGINT');
    expect((await done).code).toBe(130);
    expect(await eventually(() => isProcessGroupGone(child.pid!), 15_000)).toBe(true);
    expect(await eventually(() => engineProcesses().length === 0, 15_000)).toBe(true);
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
