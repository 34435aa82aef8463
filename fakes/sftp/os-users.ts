import { execFile, execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { isAlive } from '../../core/process/index.ts';
import { FakeStartError } from '../../core/errors/index.ts';

const run = promisify(execFile);

/**
 * The GECOS comment of every OS user we create, with the owning PID after it. It is how a later
 * run tells our users (safe to reuse once the owner is dead) from the machine's own.
 */
export const OS_USER_MARK = 'partner-harness sftp fake';

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Names held by a running fake in this process: one password per OS user, so one fake at a time. */
const held = new Set<string>();

/**
 * Creates the OS user `name` (no home, no shell) for sshd to log in, or takes over one a dead
 * harness process left behind. Refuses users the machine already had, and users a live fake holds.
 */
export async function claimOsUser(name: string, options: { home: string; password?: string }): Promise<OsUser> {
  if (held.has(name)) {
    throw new FakeStartError(`SftpFake (process): OS user '${name}' is held by another running process-runtime SftpFake in this process; OS users are machine-wide, so stop that fake first or use another user name`);
  }
  held.add(name);
  try {
    const mark = `${OS_USER_MARK} pid=${process.pid}`;
    const created = await tryRun('useradd', ['-M', '-N', '-d', options.home, '-s', '/usr/sbin/nologin', '-c', mark, name]);
    // 9: the name exists.
    if (created.code === 9) await takeOver(name, options.home, mark);
    else if (created.code !== 0) throw new FakeStartError(`SftpFake (process): useradd ${name} failed (exit ${created.code}): ${created.stderr.trim()}`);
    await setPassword(name, options.password);
    return { name, ...(await ids(name)) };
  } catch (error) {
    held.delete(name);
    throw error;
  }
}

/** Removes a user we claimed; waits briefly for its last sshd session to be gone. */
export async function releaseOsUser(name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await tryRun('userdel', [name]);
    // 6: already gone. 8: still has processes (a session that is just exiting).
    if (result.code === 0 || result.code === 6) break;
    if (result.code !== 8 || attempt >= 20) {
      held.delete(name);
      throw new Error(`SftpFake (process): userdel ${name} failed (exit ${result.code}): ${result.stderr.trim()}`);
    }
    await sleep(50);
  }
  held.delete(name);
}

/** For the process 'exit' hook, where nothing asynchronous runs. */
export function releaseOsUserSync(name: string): void {
  try {
    execFileSync('userdel', ['-f', name], { stdio: 'ignore' });
  } catch {
    // Best effort: the process is going away; a later run takes the user over (see claimOsUser).
  }
  held.delete(name);
}

async function takeOver(name: string, home: string, mark: string): Promise<void> {
  const gecos = (await run('getent', ['passwd', name])).stdout.split(':')[4] ?? '';
  if (!gecos.startsWith(OS_USER_MARK)) {
    throw new FakeStartError(
      `SftpFake (process): OS user '${name}' already exists on this machine and was not created by the harness (GECOS ${JSON.stringify(gecos)}); ` +
        `runtime 'process' logs in as real OS users, so it will not touch it: use another user name or runtime 'embedded'`,
    );
  }
  const owner = Number(/pid=(\d+)/.exec(gecos)?.[1]);
  if (owner !== process.pid && Number.isInteger(owner) && isAlive(owner)) {
    throw new FakeStartError(`SftpFake (process): OS user '${name}' is held by a process-runtime SftpFake in process ${owner}; OS users are machine-wide, so run such fakes one at a time or use distinct user names`);
  }
  await run('usermod', ['-c', mark, '-d', home, '-s', '/usr/sbin/nologin', name]);
}

/**
 * A user without a password gets '*' rather than useradd's '!': with UsePAM no, sshd treats a
 * '!'-prefixed hash as a locked account and refuses even publickey logins.
 */
async function setPassword(name: string, password: string | undefined): Promise<void> {
  if (password === undefined) {
    await run('usermod', ['-p', '*', name]);
    return;
  }
  const child = spawn('chpasswd', [], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(`${name}:${password}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('error', () => resolve(null)).once('close', resolve));
  // chpasswd's messages name the user and line, never the password.
  if (code !== 0) throw new FakeStartError(`SftpFake (process): chpasswd for '${name}' failed (exit ${code}): ${stderr.trim()}`);
}

async function ids(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function tryRun(command: string, args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(command, args);
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number | string; stderr?: string; message: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stderr: failed.stderr ?? failed.message };
  }
}
