import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_KEY_TYPES, generateSshKey, type HostKeyType } from '../../core/ssh/index.ts';
import { SftpFake } from './sftp-fake.ts';
import { connectRaw, serverIdent } from './ssh-test-client.ts';

// Real OpenSSH clients are the reference the fake must satisfy; CI installs them too.
const BINARIES = { 'ssh-keyscan': 'openssh-client', 'ssh-keygen': 'openssh-client', sftp: 'openssh-client', sshpass: 'sshpass' };
const PASSWORD = 'interop-password-7d2a';
const KEYSCAN_TYPE: Record<HostKeyType, string> = {
  'ssh-rsa': 'rsa',
  'ecdsa-sha2-nistp256': 'ecdsa',
  'ecdsa-sha2-nistp384': 'ecdsa',
  'ecdsa-sha2-nistp521': 'ecdsa',
  'ssh-ed25519': 'ed25519',
};

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Async on purpose: the fake lives in this process, so a blocking spawnSync would deadlock it. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('OpenSSH interop', () => {
  let dir: string;

  beforeAll(async () => {
    const missing = Object.entries(BINARIES).filter(([name]) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
    if (missing.length > 0) {
      const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
      throw new Error(`missing ${missing.map(([name]) => name).join(', ')}; install with: apt-get install -y ${packages}`);
    }
    dir = await mkdtemp(join(tmpdir(), 'partner-harness-sftp-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(HOST_KEY_TYPES)('ssh-keyscan and ssh-keygen agree with getHostKey() for %s', async (type) => {
    await using sftp = await new SftpFake().withHostKey(type).withUser('alice', { password: PASSWORD }).start();
    const port = sftp.getPort();
    const scan = await run('ssh-keyscan', ['-p', String(port), '-t', KEYSCAN_TYPE[type], '127.0.0.1']);
    const lines = scan.stdout.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines, scan.stderr).toEqual([`[127.0.0.1]:${port} ${sftp.getHostKey()}`]);

    const pubFile = join(dir, `host-${type}.pub`);
    await writeFile(pubFile, `${sftp.getHostKey()}\n`);
    const fingerprint = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', pubFile]);
    expect(fingerprint.stdout.split(' ')[1]).toBe(sftp.getHostKeyFingerprint());
  });

  it('sftp logs in with a key, checks the host key against known_hosts, and puts, lists, gets', async () => {
    const key = generateSshKey('ssh-ed25519', 'openssh-client');
    await using sftp = await new SftpFake().withUser('alice', { publicKeys: [key.publicKey] }).start();
    const port = sftp.getPort();
    const keyFile = join(dir, 'id_ed25519');
    await writeFile(keyFile, key.privateKey, { mode: 0o600 });
    const knownHosts = join(dir, 'known_hosts');
    await writeFile(knownHosts, `[127.0.0.1]:${port} ${sftp.getHostKey()}\n`);
    const local = join(dir, 'local.txt');
    await writeFile(local, 'uploaded by OpenSSH\n');
    const batch = join(dir, 'key.batch');
    await writeFile(batch, [`put ${local} upload.txt`, 'ls -l', `get upload.txt ${join(dir, 'back.txt')}`, 'mkdir d', 'rename upload.txt d/moved.txt', 'ls d', 'rm d/moved.txt', 'rmdir d', ''].join('\n'));

    const result = await run('sftp', [
      ...['-P', String(port), '-i', keyFile],
      ...['-o', 'IdentitiesOnly=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHosts}`],
      ...['-b', batch, 'alice@127.0.0.1'],
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/-rw-r--r-- +1 alice +alice +20 .* upload\.txt/);
    expect(await readFile(join(dir, 'back.txt'), 'utf8')).toBe('uploaded by OpenSSH\n');
    expect(sftp.readFile('alice', '/upload.txt')).toBeUndefined();
    const ops = sftp.getTranscript().filter((e) => e.kind === 'sftp').map((e) => `${e.detail.op} ${e.detail.status}`);
    expect(ops).toEqual(expect.arrayContaining(['RENAME OK', 'REMOVE OK', 'RMDIR OK']));
  });

  it('sftp logs in with a password through sshpass', async () => {
    await using sftp = await new SftpFake().withUser('alice', { password: PASSWORD, files: { 'hello.txt': 'hi' } }).start();
    const batch = join(dir, 'password.batch');
    await writeFile(batch, `put ${join(dir, 'local.txt')} pw-upload.txt\nls\n`);
    await writeFile(join(dir, 'local.txt'), 'via password\n');
    // sftp -b turns BatchMode on, which disables password prompts; ssh keeps the first value it
    // sees for an option, so BatchMode=no must come before -b.
    const result = await run(
      'sshpass',
      ['-e', 'sftp', '-o', 'BatchMode=no', '-o', 'PubkeyAuthentication=no', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-P', String(sftp.getPort()), '-b', batch, 'alice@127.0.0.1'],
      { SSHPASS: PASSWORD },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/hello\.txt/);
    expect(sftp.readFile('alice', 'pw-upload.txt')?.toString()).toBe('via password\n');
    expect(sftp.getTranscript()).toContainEqual(expect.objectContaining({ kind: 'auth', detail: expect.objectContaining({ method: 'password', result: 'accepted' }) }));
  });

  it('past MaxStartups, ssh and ssh-keyscan see the connection closed before any ident, as sshd 9.2 does it', async () => {
    await using sftp = await new SftpFake().withMaxStartups({ start: 1, rate: 30, full: 1 }).start();
    const held = await connectRaw(sftp);
    await serverIdent(held);
    const port = String(sftp.getPort());
    const ssh = await run('ssh', ['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-p', port, 'alice@127.0.0.1', 'true']);
    expect(ssh.code).toBe(255);
    expect(ssh.stderr).toContain('kex_exchange_identification: Connection closed by remote host');
    const scan = await run('ssh-keyscan', ['-p', port, '-t', 'ed25519', '127.0.0.1']);
    expect(scan.stdout).toBe('');
    expect(scan.stderr).toContain('Connection closed by remote host');
    expect(sftp.getTranscript().filter((e) => e.kind === 'dropped')).toHaveLength(2);
    held.socket.destroy();
  });
});
