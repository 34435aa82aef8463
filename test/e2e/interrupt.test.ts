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
});
