import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { descendants, isAlive, processTree, readArgs, readProcess, signalAll } from './process-tree.ts';

const started: number[] = [];
afterEach(() => signalAll(started.splice(0).flatMap((pid) => processTree(pid)), 'SIGKILL'));

/** A shell that starts a `sleep` which calls setsid(), as sshd's per-connection monitors do. */
async function shellWithDetachedChild(): Promise<{ shell: number; grandchild: number }> {
  const shell = spawn('sh', ['-c', 'setsid sleep 30 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(shell.pid!);
  const [line] = (await once(shell.stdout!.setEncoding('utf8'), 'data')) as [string];
  return { shell: shell.pid!, grandchild: Number(line.trim()) };
}

describe('process tree (/proc)', () => {
  it('finds a process and its setsid() descendants, with names and command lines', async () => {
    const { shell, grandchild } = await shellWithDetachedChild();
    expect(readProcess(shell)).toMatchObject({ pid: shell, ppid: process.pid, comm: 'sh' });
    await expect.poll(() => readProcess(grandchild)?.comm).toBe('sleep');
    expect(readArgs(grandchild)).toEqual(['sleep', '30']);
    expect(processTree(shell)).toEqual([shell, grandchild]);
    expect(descendants(process.pid).map((p) => p.pid)).toEqual(expect.arrayContaining([shell, grandchild]));
  });

  it('signals every pid of a tree, ignoring gone ones, and sees them die', async () => {
    const { shell, grandchild } = await shellWithDetachedChild();
    const tree = processTree(shell);
    signalAll([...tree, 2 ** 22 + 12345], 'SIGKILL');
    for (let i = 0; i < 100 && tree.some(isAlive); i += 1) await sleep(10);
    expect(isAlive(shell)).toBe(false);
    expect(isAlive(grandchild)).toBe(false);
    expect(processTree(shell)).toEqual([]);
    expect(readArgs(shell)).toEqual([]);
  });
});
