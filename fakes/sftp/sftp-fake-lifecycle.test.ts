import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { generateSshKey } from '../../core/ssh/index.ts';
import { SftpFake } from './sftp-fake.ts';
import { call, connectSsh, openSftp } from './ssh-test-client.ts';

const CANARY_PASSWORD = 'canary-PW-4f1c9e';

describe('SftpFake lifecycle', () => {
  it('stop() closes open client connections and frees the port', async () => {
    const sftp = await new SftpFake().withUser('alice', { password: CANARY_PASSWORD }).start();
    const port = sftp.getPort();
    expect(sftp.getUrl()).toBe(`sftp://127.0.0.1:${port}`);
    const client = await connectSsh(sftp, { username: 'alice', password: CANARY_PASSWORD });
    await openSftp(client);
    const closed = once(client, 'close');
    await sftp.stop();
    await closed;
    await sftp.stop(); // idempotent
    await using again = await new SftpFake().withPort(port).withUser('alice', { password: CANARY_PASSWORD }).start();
    expect(again.getPort()).toBe(port);
  });

  it('explains a busy port', async () => {
    await using first = await new SftpFake().withUser('alice', { password: 'x' }).start();
    await expect(new SftpFake().withPort(first.getPort()).withUser('alice', { password: 'x' }).start()).rejects.toThrow(
      new RegExp(`cannot listen on 127.0.0.1:${first.getPort()} \\(EADDRINUSE\\)`),
    );
  });

  it('exposes users for scenarios and refuses unknown ones', async () => {
    const key = generateSshKey('ssh-ed25519', 'client');
    await using sftp = await new SftpFake().withUser('alice', { password: CANARY_PASSWORD, publicKeys: [key.publicKey] }).start();
    expect(sftp.getUser('alice')).toEqual({ name: 'alice', password: CANARY_PASSWORD, publicKeys: [key.publicKey] });
    expect(() => sftp.getUser('bob')).toThrow(/no user 'bob'; configured: alice/);
    expect(() => sftp.readFile('bob', '/x')).toThrow(/no user 'bob'/);
  });

  it('never writes a password or key material into the transcript', async () => {
    const key = generateSshKey('ecdsa-sha2-nistp384', 'canary');
    await using sftp = await new SftpFake().withUser('alice', { password: CANARY_PASSWORD, publicKeys: [key.publicKey] }).start();
    const byPassword = await connectSsh(sftp, { username: 'alice', password: CANARY_PASSWORD });
    const session = await openSftp(byPassword);
    await call((cb) => session.writeFile('/f', 'x', cb));
    byPassword.end();
    await connectSsh(sftp, { username: 'alice', password: `${CANARY_PASSWORD}-wrong` }).catch(() => undefined);
    (await connectSsh(sftp, { username: 'alice', privateKey: key.privateKey })).end();

    const json = JSON.stringify(sftp.getTranscript());
    expect(json).not.toContain(CANARY_PASSWORD);
    const keyBase64 = key.publicKey.split(' ')[1]!;
    expect(json).not.toContain(keyBase64);
    expect(json).not.toContain(keyBase64.slice(30, 70));
    expect(json).not.toContain('PRIVATE KEY');
    expect(json).toContain(key.fingerprint);
  });

  it('leaves no servers or sockets behind after 200 start/stop cycles', async () => {
    const count = () => {
      const info = process.getActiveResourcesInfo();
      return info.filter((type) => type === 'TCPServerWrap' || type === 'TCPSocketWrap').length;
    };
    const baseline = count();
    let lastPort = 0;
    for (let i = 0; i < 200; i += 1) {
      const sftp = await new SftpFake().withUser('alice', { password: CANARY_PASSWORD }).start();
      lastPort = sftp.getPort();
      if (i % 20 === 0) {
        // Leave a logged-in client open so stop() has to tear it down.
        const client = await connectSsh(sftp, { username: 'alice', password: CANARY_PASSWORD });
        const closed = once(client, 'close');
        await sftp.stop();
        await closed;
      } else {
        await sftp.stop();
      }
    }
    // A leak is a server or socket more than before; one that was open before (another test's
    // client in this worker) may close meanwhile.
    expect(count()).toBeLessThanOrEqual(baseline);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(lastPort, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
  }, 60_000);
});
