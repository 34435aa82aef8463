import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { promisify } from 'node:util';
import ssh2 from 'ssh2';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tryConnect } from '../db/port-probe.ts';
import { generateSshKey } from '../../core/ssh/index.ts';
import { OS_USER_MARK } from './os-users.ts';
import { isAlive, processTree } from '../../core/process/index.ts';
import { SftpFake } from './sftp-fake.ts';
import { isSftpRuntimeAvailable } from './sftp-runtime.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { StartedProcessSftpFake } from './started-process-sftp-fake.ts';
import { call, connectSsh, openSftp } from './ssh-test-client.ts';

const run = promisify(execFile);
const PASSWORD = 'proc-Pw-9b31e7';
// Distinct from other suites' names: OS users are machine-wide, and test files run in parallel.
const ALICE = 'proc-alice';
const sshdFake = () => new SftpFake().withRuntime('process');

async function osUserExists(name: string): Promise<boolean> {
  return run('getent', ['passwd', name]).then(
    () => true,
    () => false,
  );
}

async function authEntries(sftp: StartedSftpFake, count: number): Promise<Record<string, unknown>[]> {
  // sshd's log reaches us asynchronously, shortly after the client has its answer.
  await vi.waitFor(() => expect(sftp.getTranscript().filter((e) => e.kind === 'auth').length).toBeGreaterThanOrEqual(count), { timeout: 2_000 });
  return sftp.getTranscript().filter((e) => e.kind === 'auth').map((e) => e.detail);
}

async function rawConnect(sftp: StartedSftpFake): Promise<Socket> {
  const socket = connect(sftp.getPort(), sftp.getHost());
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

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

describe("SftpFake runtime 'process' (OpenSSH sshd)", () => {
  beforeAll(() => {
    const { available, reason } = isSftpRuntimeAvailable('process');
    // Fail, never skip: CI must install openssh-server and run as root.
    if (!available) throw new Error(`runtime 'process' is not available here: ${reason}`);
  });

  it('logs in with a password and lists and reads seeded files', async () => {
    await using sftp = await sshdFake()
      .withUser(ALICE, { password: PASSWORD, files: { 'hello.txt': 'hello from sshd', 'inbox/old.csv': 'a,b' } })
      .start();
    expect(sftp.getRuntime()).toBe('process');
    const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD });
    const session = await openSftp(client);
    const names = await call<{ filename: string }[]>((cb) => session.readdir('/', cb));
    expect(names.map((entry) => entry.filename).sort()).toEqual(['hello.txt', 'inbox']);
    expect((await call<Buffer>((cb) => session.readFile('hello.txt', cb))).toString()).toBe('hello from sshd');
    // The chroot itself is root's; seeded directories are the user's.
    await call((cb) => session.writeFile('/inbox/new.txt', 'uploaded', cb));
    await expect(call((cb) => session.writeFile('/top.txt', 'x', cb))).rejects.toThrow(/Permission denied/);
    client.end();
    expect(sftp.readFile(ALICE, '/inbox/new.txt')?.toString()).toBe('uploaded');
    expect(sftp.readFile(ALICE, 'inbox/old.csv')?.toString()).toBe('a,b');
    expect(sftp.readFile(ALICE, '/../../../etc/passwd')).toBeUndefined();
    const [auth] = await authEntries(sftp, 1);
    expect(auth).toMatchObject({ user: ALICE, method: 'password', result: 'accepted', connection: 1 });
    await vi.waitFor(() => expect(sftp.getTranscript().map((e) => e.kind)).toContain('subsystem'));
  });

  it.each(['ssh-rsa', 'ecdsa-sha2-nistp256'] as const)('logs in with a %s public key', async (type) => {
    const key = generateSshKey(type, 'process-client');
    await using sftp = await sshdFake().withUser(ALICE, { publicKeys: [key.publicKey], home: '/inbox' }).start();
    const client = await connectSsh(sftp, { username: ALICE, privateKey: key.privateKey });
    const session = await openSftp(client);
    expect(await call<string>((cb) => session.realpath('.', cb))).toBe('/inbox');
    client.end();
    const auths = await authEntries(sftp, 1);
    expect(auths.at(-1)).toMatchObject({ user: ALICE, method: 'publickey', result: 'accepted', keyFingerprint: key.fingerprint });
  });

  it('rejects a wrong password and a user without a password, and never logs the password', async () => {
    const key = generateSshKey('ssh-ed25519', 'process-client');
    await using sftp = await sshdFake()
      .withUser(ALICE, { password: PASSWORD })
      .withUser('proc-bob', { publicKeys: [key.publicKey] })
      .start();
    await expect(connectSsh(sftp, { username: ALICE, password: `${PASSWORD}-wrong` })).rejects.toThrow(/authentication methods failed/);
    await expect(connectSsh(sftp, { username: 'proc-bob', password: PASSWORD })).rejects.toThrow(/authentication methods failed/);
    await expect(connectSsh(sftp, { username: 'proc-nobody', password: PASSWORD })).rejects.toThrow(/authentication methods failed/);
    const auths = await authEntries(sftp, 2);
    expect(auths[0]).toMatchObject({ user: ALICE, method: 'password', result: 'rejected' });
    expect(auths.find((a) => a.user === 'proc-nobody')).toMatchObject({ result: 'rejected', reason: 'unknown user' });
    expect(JSON.stringify(sftp.getTranscript())).not.toContain(PASSWORD);
  });

  it('presents the same host key as the embedded runtime for the same type and slot', async () => {
    const build = () => new SftpFake().withHostKey('ssh-ed25519', { slot: 'parity' }).withUser(ALICE, { password: PASSWORD });
    await using embedded = await build().start();
    await using sshd = await build().withRuntime('process').start();
    let seen = '';
    const client = await connectSsh(sshd, {
      username: ALICE,
      password: PASSWORD,
      hostVerifier: (key: Buffer) => {
        seen = `ssh-ed25519 ${key.toString('base64')}`;
        return true;
      },
    });
    client.end();
    expect(seen).toBe(sshd.getHostKey());
    expect(sshd.getHostKey()).toBe(embedded.getHostKey());
    expect(sshd.getHostKeyFingerprint()).toBe(generateSshKey('ssh-ed25519', 'parity').fingerprint);
  });

  it('offering only ssh-rsa fails a client limited to rsa-sha2-* and serves one that offers ssh-rsa', async () => {
    await using sftp = await sshdFake()
      .withHostKey('ssh-rsa')
      .withAlgorithms({ serverHostKey: ['ssh-rsa'] })
      .withUser(ALICE, { password: PASSWORD })
      .start();
    await expect(
      connectSsh(sftp, { username: ALICE, password: PASSWORD, algorithms: { serverHostKey: ['rsa-sha2-256', 'rsa-sha2-512'] } }),
    ).rejects.toThrow(/no matching host key format/i);
    const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD, algorithms: { serverHostKey: ['ssh-rsa'] } });
    client.end();
    await vi.waitFor(() => expect(sftp.getTranscript().find((e) => e.kind === 'error')?.detail.message).toMatch(/no matching host key type/));
  });

  it('explains algorithm names this OpenSSH does not know', async () => {
    await expect(sshdFake().withAlgorithms({ cipher: ['aes128-gcm'] }).withUser(ALICE, { password: PASSWORD }).start()).rejects.toThrow(
      /OpenSSH rejects the generated sshd_config.*aes128-gcm.*withAlgorithms/s,
    );
    expect(await osUserExists(ALICE)).toBe(false);
  });

  it('refuse-login rejects even the right password', async () => {
    await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'refuse-login' }).start();
    await expect(connectSsh(sftp, { username: ALICE, password: PASSWORD })).rejects.toThrow(/authentication methods failed/);
    const auths = await authEntries(sftp, 1);
    expect(auths.find((a) => a.method === 'password')).toMatchObject({ user: ALICE, result: 'rejected', reason: 'fault refuse-login' });
  });

  it('reject-sftp lets the user in but refuses the sftp subsystem', async () => {
    await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'reject-sftp' }).start();
    const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD });
    await expect(openSftp(client)).rejects.toThrow();
    client.end();
    await vi.waitFor(() => expect(sftp.getTranscript().find((e) => e.kind === 'subsystem')?.detail).toMatchObject({ name: 'sftp', result: 'rejected' }));
  });

  it('applies connection faults in a front listener: hang, delay-ident, close-after-ident, close-after-kex', async () => {
    {
      const sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'hang' }).start();
      const socket = await rawConnect(sftp);
      expect(await firstLine(socket, 300)).toBeUndefined();
      const closed = once(socket, 'close');
      await sftp.stop();
      await closed;
    }
    {
      await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'delay-ident', ms: 300 }).start();
      const started = Date.now();
      const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD });
      expect(Date.now() - started).toBeGreaterThanOrEqual(280);
      client.end();
    }
    {
      await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'close-after-ident' }).start();
      const socket = await rawConnect(sftp);
      expect(await firstLine(socket, 2000)).toMatch(/^SSH-2\.0-OpenSSH_/);
      socket.write('SSH-2.0-RawTestClient_1.0\r\n');
      await once(socket, 'close');
      expect(sftp.getTranscript().find((e) => e.kind === 'ident')?.detail.client).toBe('SSH-2.0-RawTestClient_1.0');
    }
    {
      await using sftp = await sshdFake().withUser(ALICE, { password: PASSWORD }).withFault({ kind: 'close-after-kex' }).start();
      await expect(connectSsh(sftp, { username: ALICE, password: PASSWORD })).rejects.toThrow();
      expect(sftp.getTranscript().filter((e) => e.kind === 'fault').map((e) => e.detail.kind)).toEqual(['close-after-kex']);
      expect(sftp.getTranscript().map((e) => e.kind)).not.toContain('auth');
    }
  });

  it('stop() kills sshd and its sessions, deletes the OS users it created and frees the port', async () => {
    const sftp = await sshdFake().withUser(ALICE, { password: PASSWORD, files: { 'hello.txt': 'kept after stop' } }).withUser('proc-bob', { password: PASSWORD }).start();
    expect(sftp).toBeInstanceOf(StartedProcessSftpFake);
    const pid = (sftp as StartedProcessSftpFake).getPid();
    expect(await osUserExists(ALICE)).toBe(true);
    const client = await connectSsh(sftp, { username: ALICE, password: PASSWORD });
    await openSftp(client);
    const tree = processTree(pid);
    expect(tree.length).toBeGreaterThan(1);
    const closed = once(client, 'close');
    await sftp.stop();
    await closed;
    await sftp.stop(); // idempotent
    expect(tree.filter(isAlive)).toEqual([]);
    expect(await osUserExists(ALICE)).toBe(false);
    expect(await osUserExists('proc-bob')).toBe(false);
    expect(await tryConnect(sftp.getPort())).toBe('ECONNREFUSED');
    expect(sftp.readFile(ALICE, '/hello.txt')?.toString()).toBe('kept after stop');
  });

  it('refuses OS users it did not create, and users another running fake holds', async () => {
    await expect(sshdFake().withUser('daemon', { password: PASSWORD }).start()).rejects.toThrow(/OS user 'daemon' already exists on this machine and was not created by the harness/);
    await using first = await sshdFake().withUser(ALICE, { password: PASSWORD }).start();
    await expect(sshdFake().withUser(ALICE, { password: PASSWORD }).start()).rejects.toThrow(/held by another running process-runtime SftpFake/);
    expect(await osUserExists(ALICE)).toBe(true);
    expect(first.getRuntime()).toBe('process');
  });

  it('takes over a user that a crashed harness process left behind, and deletes it on stop()', async () => {
    // PID 2^22 + 1 is above Linux's pid_max limit, so no live process owns it.
    await run('useradd', ['-M', '-N', '-d', '/', '-s', '/usr/sbin/nologin', '-c', `${OS_USER_MARK} pid=4194305`, 'proc-stale']);
    const sftp = await sshdFake().withUser('proc-stale', { password: PASSWORD }).start();
    (await connectSsh(sftp, { username: 'proc-stale', password: PASSWORD })).end();
    await sftp.stop();
    expect(await osUserExists('proc-stale')).toBe(false);
  });

  it('refuses embedded-only options and notes the ident it cannot send', async () => {
    expect(() => sshdFake().withStorage({ '/bucket/a': 'x' })).toThrow(/withStorage: only runtime 'embedded'/);
    expect(() => new SftpFake().withStorage({ '/bucket/a': 'x' }).withRuntime('process')).toThrow(/withStorage: only runtime 'embedded'/);
    expect(() => sshdFake().withIdentityProvider({ kind: 'lambda', invoke: async () => ({}), serverId: 's-1' } as never)).toThrow(/withIdentityProvider: only runtime 'embedded'/);
    expect(() => new SftpFake().withRuntime('docker' as never)).toThrow(/unknown runtime "docker"/);
    await using sftp = await sshdFake().withIdent('AWS_SFTP_1.1').withBanner('Authorised use only').withUser(ALICE, { password: PASSWORD }).start();
    expect(sftp.getTranscript().find((e) => e.kind === 'config-ignored')?.detail).toMatchObject({ option: 'withIdent', requested: 'AWS_SFTP_1.1' });
    const banner = await new Promise<string>((resolve, reject) => {
      const client = new ssh2.Client();
      client
        .on('banner', (text) => {
          client.end();
          resolve(text);
        })
        .on('error', reject)
        .connect({ host: sftp.getHost(), port: sftp.getPort(), username: ALICE, password: PASSWORD });
    });
    expect(banner.trim()).toBe('Authorised use only');
  });
});
