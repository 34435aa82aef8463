import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSftpRuntimeAvailable, SftpFake } from '../../../fakes/sftp/index.ts';
import { PartnerUnreachableError, scanSftpServer } from './scan-sftp-server.ts';

const run = promisify(execFile);

describe('scanSftpServer', () => {
  it('reads the ident, banner, algorithm lists, auth methods and every host key, sending no credential', async () => {
    await using partner = await new SftpFake()
      .withHostKey('ssh-ed25519')
      .withHostKey('ssh-rsa')
      .withIdent('AcmeSFTP_2.4')
      .withBanner('Authorised use only\r\n')
      .withAlgorithms({ kex: ['curve25519-sha256', 'diffie-hellman-group14-sha256'], cipher: ['aes256-gcm@openssh.com', 'aes128-ctr'], hmac: ['hmac-sha2-256'] })
      .withUser('acme', { password: 'Acme-Password-1' })
      .start();
    const scan = await scanSftpServer({ host: partner.getHost(), port: partner.getPort(), username: 'acme' });
    expect(scan.target).toEqual({ host: partner.getHost(), port: partner.getPort() });
    expect(scan.ident).toBe('SSH-2.0-AcmeSFTP_2.4');
    expect(scan.banner).toBe('Authorised use only\r\n');
    expect(scan.algorithms.kex).toEqual(['curve25519-sha256', 'diffie-hellman-group14-sha256']);
    expect(scan.algorithms.cipher).toEqual(['aes256-gcm@openssh.com', 'aes128-ctr']);
    expect(scan.algorithms.mac).toEqual(['hmac-sha2-256']);
    expect(scan.algorithms.compression).toContain('none');
    expect(scan.authMethods).toContain('password');
    // What the fake holds, each once, in TrustedHostKeys form.
    const held = partner.getHostKeys().map(({ publicKey, fingerprint }) => ({ type: publicKey.split(' ')[0], publicKey, fingerprint }));
    expect(scan.hostKeys).toHaveLength(2);
    expect(new Set(scan.hostKeys.map((key) => key.publicKey))).toEqual(new Set(held.map((key) => key.publicKey)));
    expect(scan.hostKeys).toEqual(expect.arrayContaining(held));
    // The scan logged in as no one: the fake saw only `none` attempts.
    const auth = partner.getTranscript().filter((entry) => entry.kind === 'auth');
    expect(auth.length).toBeGreaterThan(0);
    expect(auth.map((entry) => entry.detail.method)).toEqual(auth.map(() => 'none'));
  });

  it.skipIf(!isSftpRuntimeAvailable('process').available)('finds the same host keys as ssh-keyscan on a real OpenSSH sshd', async () => {
    await using partner = await new SftpFake().withRuntime('process').withHostKey('ecdsa-sha2-nistp256').withHostKey('ssh-ed25519').withHostKey('ssh-rsa').withUser('probeuser', { password: 'Probe-Pass-1' }).start();
    const scan = await scanSftpServer({ host: partner.getHost(), port: partner.getPort() });
    const { stdout } = await run('ssh-keyscan', ['-p', String(partner.getPort()), '-t', 'rsa,ecdsa,ed25519', partner.getHost()]);
    const keyscan = stdout.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(' ').slice(1).join(' '));
    expect(new Set(scan.hostKeys.map((key) => key.publicKey))).toEqual(new Set(keyscan));
    expect(scan.ident).toMatch(/^SSH-2\.0-OpenSSH_/);
    expect(scan.authMethods).toEqual(expect.arrayContaining(['password']));
  });

  it('says the partner is unreachable when nothing listens, or something that is not SSH answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(scanSftpServer({ host: '127.0.0.1', port, timeoutMs: 3_000 })).rejects.toMatchObject({ code: 'PARTNER_UNREACHABLE', message: expect.stringContaining(`127.0.0.1:${port}`) });

    const http = createServer((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      await expect(scanSftpServer({ host: '127.0.0.1', port: (http.address() as AddressInfo).port, timeoutMs: 3_000 })).rejects.toBeInstanceOf(PartnerUnreachableError);
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});
