import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SftpFake } from '../../fakes/sftp/index.ts';
import { runCli } from '../support/run-cli.ts';

describe('partner-harness probe sftp://…', () => {
  it('prints what the partner offers as JSON, sending no credential', async () => {
    await using partner = await new SftpFake()
      .withHostKey('ssh-ed25519')
      .withHostKey('ecdsa-sha2-nistp384')
      .withIdent('PartnerSFTP_9')
      .withBanner('Welcome to Acme\r\n')
      .withUser('acme', { password: 'Acme-Password-1' })
      .start();
    const result = await runCli(['probe', `sftp://acme@${partner.getHost()}:${partner.getPort()}`, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const scan = JSON.parse(result.stdout);
    expect(Object.keys(scan)).toEqual(['target', 'ident', 'banner', 'algorithms', 'authMethods', 'hostKeys']);
    expect(scan).toMatchObject({ target: { host: partner.getHost(), port: partner.getPort() }, ident: 'SSH-2.0-PartnerSFTP_9', banner: 'Welcome to Acme\r\n' });
    expect(scan.authMethods).toContain('password');
    const held = partner.getHostKeys().map(({ publicKey, fingerprint }) => ({ type: publicKey.split(' ')[0], publicKey, fingerprint }));
    expect(scan.hostKeys).toHaveLength(held.length);
    expect(scan.hostKeys).toEqual(expect.arrayContaining(held));
    expect(partner.getTranscript().filter((entry) => entry.kind === 'auth').map((entry) => entry.detail.method)).not.toContain('password');
  });

  it('prints a table a person reads: each host key in TrustedHostKeys form with its fingerprint', async () => {
    await using partner = await new SftpFake().withHostKey('ssh-ed25519').withUser('acme', { password: 'Acme-Password-1' }).start();
    const result = await runCli(['probe', partner.getUrl()]);
    expect(result.code, result.stderr).toBe(0);
    const [key] = partner.getHostKeys();
    expect(result.stdout).toContain(`  ${key!.publicKey}\n    ${key!.fingerprint}\n`);
    expect(result.stdout).toMatch(/^ {2}kex {10}\S/m);
    expect(result.stdout).toMatch(/^authentication methods: .*password/m);
  });

  it('exits 2 on a target that is not sftp://host[:port], and 3 when the partner cannot be reached', async () => {
    for (const bad of ['ftp://host', 'sftp://user:secret@host', 'not a url', 'sftp://host/path']) {
      const result = await runCli(['probe', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/^partner-harness: .*sftp:\/\//m);
      expect(result.stderr).not.toContain('secret@');
    }
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await runCli(['probe', `sftp://127.0.0.1:${port}`, '--timeout', '3000']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toContain(`partner-harness: 127.0.0.1:${port}: connect ECONNREFUSED`);
  });
});
