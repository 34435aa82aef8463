import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSftpRuntimeAvailable, SftpFake, type StartedSftpFake } from '../../fakes/sftp/index.ts';
import { connectorSecurityPolicies } from '../../harness/aws/index.ts';
import { runCli } from '../support/run-cli.ts';

const PASSWORD = 'Clone-Pass-5';
const env = { PARTNER_PASSWORD: PASSWORD };
const POLICIES = Object.keys(connectorSecurityPolicies);

async function saveAndClone(partner: StartedSftpFake, dir: string): Promise<{ out: string; cloned: string }> {
  await mkdir(dir, { recursive: true });
  const profile = join(dir, 'partner.yaml');
  const saved = await runCli(['probe', `sftp://acme@${partner.getHost()}:${partner.getPort()}`, '--password-env', 'PARTNER_PASSWORD', '--save', profile], { env });
  expect(saved.code, saved.stderr).toBe(0);
  const out = join(dir, 'clone');
  const cloned = await runCli(['clone', profile, '--out', out]);
  expect(cloned.code, cloned.stderr).toBe(0);
  return { out, cloned: cloned.stdout };
}

describe('partner-harness clone', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-clone-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one scenario per policy whose fake plays the partner, and they pass with the probe’s predicted answers', async () => {
    const work = join(dir, 'embedded');
    await using partner = await new SftpFake()
      .withIdent('AcmeSFTP_3.1 build7')
      .withBanner('Acme Corp: authorised use only\r\n')
      .withHostKey('ssh-ed25519')
      .withHostKey('ecdsa-sha2-nistp384')
      .withAlgorithms({ kex: ['diffie-hellman-group14-sha256', 'curve25519-sha256'], cipher: ['aes256-ctr', 'aes128-gcm@openssh.com'], hmac: ['hmac-sha2-512'] })
      .withUser('acme', { password: PASSWORD })
      .start();
    const { out, cloned } = await saveAndClone(partner, work);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(POLICIES.length);
    expect(cloned).not.toContain('cannot reproduce');
    const first = await readFile(join(out, files[0]!), 'utf8');
    expect(first).toContain('ident: AcmeSFTP_3.1 build7');
    expect(first).toMatch(/hostKeys:\n\s+- ecdsa-sha2-nistp384\n\s+- ssh-ed25519/);
    expect(first).toContain('statusMessage:');
    expect(first).not.toContain(PASSWORD);
    const run = await runCli(['run', out, '--out', join(work, 'reports')]);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^${POLICIES.length} passed, 0 failed, 0 invalid, 0 skipped$`, 'm'));
  });

  it.skipIf(!isSftpRuntimeAvailable('process').available)(
    'clones real OpenSSH: says what the fake cannot offer, and the clone passes in the embedded and the process runtime',
    async () => {
      const work = join(dir, 'openssh');
      const partner = await new SftpFake().withRuntime('process').withHostKey('ecdsa-sha2-nistp256').withHostKey('ssh-ed25519').withUser('acme', { password: PASSWORD }).start();
      let clone: { out: string; cloned: string };
      try {
        clone = await saveAndClone(partner, work);
      } finally {
        // The clone plays the partner offline: the partner is gone (and its OS user 'acme' free).
        await partner.stop();
      }
      const { out, cloned } = clone;
      // OpenSSH offers key exchanges ssh2 does not speak (post-quantum ones, say): named, not hidden.
      expect(cloned).toMatch(/What the clone cannot reproduce:\n {2}- kex: the fake cannot offer /);
      for (const runtime of ['embedded', 'process']) {
        const run = await runCli(['run', out, '--runtime', runtime, '--out', join(work, `reports-${runtime}`)]);
        expect(run.code, `${runtime}: ${run.stdout.slice(-3000)}`).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^${POLICIES.length} passed, 0 failed, 0 invalid, 0 skipped$`, 'm'));
      }
    },
  );

  it('keeps existing files unless --force, and exits 2 for a file that is not a profile', async () => {
    const out = join(dir, 'embedded', 'clone');
    const again = await runCli(['clone', join(dir, 'embedded', 'partner.yaml'), '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Kept ${POLICIES.length} existing file(s) (--force overwrites them)`);
    const bad = await runCli(['clone', join(out, (await readdir(out))[0]!)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('probe --save');
  });
});
