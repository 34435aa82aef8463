import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

/** Engine processes started from our temp work dirs (fakes/db names them partner-harness-db-*). */
function engineProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('partner-harness-db-') && !line.includes(' ps '));
}

describe('SIGINT during a run', () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops the run, its workers and their fakes, and exits 130', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-sigint-'));
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
});
