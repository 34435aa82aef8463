import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../core/process/index.ts';

const run = promisify(execFile);
const here = (file: string) => new URL(file, import.meta.url).href;

interface ChildReport {
  pids: number[];
  root: string;
  port: number;
}

/** A test process that starts a process-runtime fake with a logged-in client, reports, then ends as told. */
const childScript = (user: string, ending: 'exit' | 'wait') => `
  const { SftpFake } = await import(${JSON.stringify(here('./sftp-fake.ts'))});
  const { connectSsh, openSftp } = await import(${JSON.stringify(here('./ssh-test-client.ts'))});
  const { processTree } = await import(${JSON.stringify(here('../../core/process/index.ts'))});
  const { readdirSync, readFileSync } = await import('node:fs');
  const sftp = await new SftpFake().withRuntime('process').withUser(${JSON.stringify(user)}, { password: 'exit-pw-1' }).start();
  await openSftp(await connectSsh(sftp, { username: ${JSON.stringify(user)}, password: 'exit-pw-1' }));
  const pidIn = (dir) => { try { return Number(readFileSync('/run/' + dir + '/sshd.pid', 'utf8')); } catch { return 0; } };
  const root = readdirSync('/run').find((dir) => dir.startsWith('partner-harness-sftp-') && pidIn(dir) === sftp.getPid());
  console.log(JSON.stringify({ pids: processTree(sftp.getPid()), root: '/run/' + root, port: sftp.getPort() }));
  ${ending === 'exit' ? 'process.exit(0);' : 'setInterval(() => undefined, 1000);'}
`;

async function runChild(user: string, ending: 'exit' | 'wait'): Promise<{ report: ChildReport; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript(user, ending)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  while (!stdout.includes('\n') && child.exitCode === null) await sleep(50);
  if (ending === 'wait') child.kill('SIGTERM');
  const [code, signal] = await exited;
  if (!stdout.includes('\n')) throw new Error(`child failed (${code ?? signal}): ${stderr}`);
  return { report: JSON.parse(stdout.split('\n')[0]!) as ChildReport, signal };
}

async function expectCleanedUp(user: string, report: ChildReport): Promise<void> {
  expect(report.pids.length).toBeGreaterThan(1);
  expect(report.root).toMatch(/^\/run\/partner-harness-sftp-/);
  const deadline = Date.now() + 5_000;
  while (report.pids.some(isAlive) && Date.now() < deadline) await sleep(50);
  expect(report.pids.filter(isAlive)).toEqual([]);
  await expect(run('getent', ['passwd', user])).rejects.toThrow();
  expect(existsSync(report.root)).toBe(false);
}

describe('process-runtime SftpFake when the test process ends without stop()', () => {
  it('kills sshd and its sessions and deletes its OS user on process.exit()', async () => {
    const { report } = await runChild('proc-exit-1', 'exit');
    await expectCleanedUp('proc-exit-1', report);
  }, 30_000);

  it('does the same on SIGTERM, then lets the signal end the process', async () => {
    const { report, signal } = await runChild('proc-exit-2', 'wait');
    expect(signal).toBe('SIGTERM');
    await expectCleanedUp('proc-exit-2', report);
  }, 30_000);
});
