import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';
import { SftpFake } from './sftp-fake.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { connectSsh, openSftp } from './ssh-test-client.ts';

const PASSWORD = 'fault-test-password';
const fake = () => new SftpFake().withUser('alice', { password: PASSWORD });
const faultsIn = (sftp: StartedSftpFake) => sftp.getTranscript().filter((e) => e.kind === 'fault').map((e) => e.detail.kind);

async function rawConnect(sftp: StartedSftpFake): Promise<Socket> {
  const socket = connect(sftp.getPort(), sftp.getHost());
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/** Resolves with the first line the server sends, or undefined if nothing arrives within `ms`. */
function firstLine(socket: Socket, ms: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve(undefined), ms);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) {
        clearTimeout(timer);
        resolve(text.slice(0, text.indexOf('\r\n')));
      }
    });
  });
}

describe('SftpFake faults', () => {
  it('sends the configured ident and banner', async () => {
    await using sftp = await fake().withIdent('AWS_SFTP_1.1').withBanner('Authorised use only').start();
    const socket = await rawConnect(sftp);
    expect(await firstLine(socket, 2000)).toBe('SSH-2.0-AWS_SFTP_1.1');
    socket.destroy();
    const banner = await new Promise<string>((resolve, reject) => {
      const client = new ssh2.Client();
      client
        .on('banner', (text) => {
          client.end();
          resolve(text);
        })
        .on('error', reject)
        .connect({ host: sftp.getHost(), port: sftp.getPort(), username: 'alice', password: PASSWORD });
    });
    expect(banner.trim()).toBe('Authorised use only');
  });

  it('refuse-login rejects even the right password', async () => {
    await using sftp = await fake().withFault({ kind: 'refuse-login' }).start();
    await expect(connectSsh(sftp, { username: 'alice', password: PASSWORD })).rejects.toThrow(/authentication methods failed/);
    const auth = sftp.getTranscript().find((e) => e.kind === 'auth' && e.detail.method === 'password');
    expect(auth?.detail).toMatchObject({ result: 'rejected', reason: 'fault refuse-login' });
  });

  it('close-after-ident sends our ident, reads the client ident, then closes', async () => {
    await using sftp = await fake().withFault({ kind: 'close-after-ident' }).start();
    const socket = await rawConnect(sftp);
    expect(await firstLine(socket, 2000)).toMatch(/^SSH-2\.0-/);
    socket.write('SSH-2.0-RawTestClient_1.0\r\n');
    await once(socket, 'close');
    expect(sftp.getTranscript().find((e) => e.kind === 'ident')?.detail.client).toBe('SSH-2.0-RawTestClient_1.0');
    expect(faultsIn(sftp)).toEqual(['close-after-ident']);
    await expect(connectSsh(sftp, { username: 'alice', password: PASSWORD })).rejects.toThrow();
  });

  it('close-after-kex completes the key exchange, then closes before auth', async () => {
    await using sftp = await fake().withFault({ kind: 'close-after-kex' }).start();
    await expect(connectSsh(sftp, { username: 'alice', password: PASSWORD })).rejects.toThrow();
    const kinds = sftp.getTranscript().map((e) => e.kind);
    expect(kinds).toContain('handshake');
    expect(kinds).not.toContain('auth');
    expect(faultsIn(sftp)).toEqual(['close-after-kex']);
  });

  it('hang keeps the socket silent until stop() destroys it', async () => {
    const sftp = await fake().withFault({ kind: 'hang' }).start();
    const socket = await rawConnect(sftp);
    expect(await firstLine(socket, 300)).toBeUndefined();
    expect(socket.destroyed).toBe(false);
    const closed = once(socket, 'close');
    await sftp.stop();
    await closed;
    expect(faultsIn(sftp)).toEqual(['hang']);
  });

  it('delay-ident waits, then proceeds normally', async () => {
    await using sftp = await fake().withFault({ kind: 'delay-ident', ms: 300 }).start();
    const socket = await rawConnect(sftp);
    const started = Date.now();
    expect(await firstLine(socket, 2000)).toMatch(/^SSH-2\.0-/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    socket.destroy();
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    client.end();
  });

  it('reject-sftp lets the user in but refuses the sftp subsystem', async () => {
    await using sftp = await fake().withFault({ kind: 'reject-sftp' }).start();
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    await expect(openSftp(client)).rejects.toThrow();
    client.end();
    expect(sftp.getTranscript().find((e) => e.kind === 'subsystem')?.detail).toMatchObject({ name: 'sftp', result: 'rejected' });
  });

  it('validates faults eagerly', () => {
    expect(() => fake().withFault({ kind: 'explode' } as never)).toThrow(/unknown fault.*explode/);
    expect(() => fake().withFault({ kind: 'delay-ident', ms: -1 })).toThrow(/ms >= 0/);
    expect(() => fake().withFault({ kind: 'hang' }).withFault({ kind: 'hang' })).toThrow(/already configured/);
    expect(() => fake().withIdent('Bad-Version')).toThrow(/without '-'/);
  });
});
