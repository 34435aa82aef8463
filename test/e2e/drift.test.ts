import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSftpRuntimeAvailable, SftpFake, type StartedSftpFake } from '../../fakes/sftp/index.ts';
import { runCli } from '../support/run-cli.ts';

const PASSWORD = 'Drift-Pass-7';
const env = { PARTNER_PASSWORD: PASSWORD };

/** The same partner after a change: the saved profile now names the restarted server's address. */
async function pointAt(profile: string, partner: StartedSftpFake, copy: string): Promise<string> {
  const text = await readFile(profile, 'utf8');
  await writeFile(copy, text.replace(/^target: .*$/m, `target: sftp://acme@${partner.getHost()}:${partner.getPort()}`));
  return copy;
}

describe('partner-harness probe --save, then drift', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-drift-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('saves a profile without secrets, finds no drift against the same server, and exits 0', async () => {
    await using partner = await new SftpFake().withHostKey('ecdsa-sha2-nistp256').withUser('acme', { password: PASSWORD }).start();
    const profile = join(dir, 'acme.yaml');
    const saved = await runCli(['probe', `sftp://acme@${partner.getHost()}:${partner.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--save', profile], { env });
    expect(saved.code, saved.stderr).toBe(0);
    const text = await readFile(profile, 'utf8');
    expect(text).toContain(partner.getHostKey());
    expect(text).not.toContain(PASSWORD);
    const drift = await runCli(['drift', profile, '--password-env', 'PARTNER_PASSWORD'], { env });
    expect(drift.code, drift.stdout + drift.stderr).toBe(0);
    expect(drift.stdout).toMatch(/no drift since/);
  });

  it.skipIf(!isSftpRuntimeAvailable('process').available)(
    'real OpenSSH restarted with a new host key and without an algorithm: each change named with what to do, exit 1, JUnit per aspect',
    async () => {
      const profile = join(dir, 'openssh.yaml');
      {
        await using before = await new SftpFake().withRuntime('process').withHostKey('ecdsa-sha2-nistp256').withAlgorithms({ kex: ['curve25519-sha256', 'ecdh-sha2-nistp256'] }).withUser('acme', { password: PASSWORD }).start();
        const saved = await runCli(['probe', `sftp://acme@${before.getHost()}:${before.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--save', profile], { env });
        expect(saved.code, saved.stderr).toBe(0);
      }
      // Host keys are kept per slot across starts: another slot is a new key, as after a rotation.
      await using after = await new SftpFake().withRuntime('process').withHostKey('ecdsa-sha2-nistp256', { slot: 'rotated' }).withAlgorithms({ kex: ['curve25519-sha256'] }).withUser('acme', { password: PASSWORD }).start();
      const junit = join(dir, 'drift.xml');
      const drift = await runCli(['drift', await pointAt(profile, after, join(dir, 'openssh-now.yaml')), '--password-env', 'PARTNER_PASSWORD', '--json', '--junit', junit], { env });
      expect(drift.code, drift.stderr).toBe(1);
      const { changes } = JSON.parse(drift.stdout) as { changes: Array<{ aspect: string; change: string; fix?: string }> };
      const rotated = changes.find((change) => change.aspect === 'host-keys')!;
      expect(rotated.change).toMatch(/^the ecdsa-sha2-nistp256 host key was rotated: SHA256:\S+ → SHA256:\S+$/);
      expect(rotated.fix).toContain(`add "${after.getHostKey()}" to the connector's TrustedHostKeys`);
      expect(changes).toContainEqual(expect.objectContaining({ aspect: 'algorithms', change: 'kex: the server no longer offers ecdh-sha2-nistp256' }));
      // The saved answers trusted the old key: every policy now answers with the host-key mismatch.
      expect(changes.filter((change) => change.aspect === 'policy').length).toBeGreaterThan(0);
      const xml = await readFile(junit, 'utf8');
      expect(xml).toContain('<testcase classname="partner-harness drift');
      expect(xml.match(/<failure /g)!.length).toBeGreaterThanOrEqual(3);
      expect(xml).toMatch(/name="ident unchanged"\/>/);
    },
  );

  it('exits 2 for a file that is not a profile, and when the saved mode needs credentials', async () => {
    await writeFile(join(dir, 'not-a-profile.yaml'), 'name: a scenario\n');
    const bad = await runCli(['drift', join(dir, 'not-a-profile.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not-a-profile\.yaml: .*probe --save/);
    const profile = join(dir, 'acme.yaml');
    const withoutCredentials = await runCli(['drift', profile]);
    expect(withoutCredentials.code).toBe(2);
    expect(withoutCredentials.stderr).toContain('was saved with credentials');
  });
});
