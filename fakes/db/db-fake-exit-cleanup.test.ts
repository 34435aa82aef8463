import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isAlive } from './engine-processes.ts';

const here = (file: string) => new URL(file, import.meta.url).href;

/** A test process that starts one engine per runtime and a shared one, reports their PIDs and work dirs, then ends as told. */
const childScript = (ending: 'exit' | 'wait') => `
  const { PostgresFake } = await import(${JSON.stringify(here('./postgres-fake.ts'))});
  const { MysqlFake } = await import(${JSON.stringify(here('./mysql-fake.ts'))});
  const { engineDescendants, dataDirOf } = await import(${JSON.stringify(here('./engine-processes.ts'))});
  await new PostgresFake().withUser('app', 'pw-exit').start();
  await new MysqlFake().withUser('app', 'pw-exit').start();
  // A shared engine outlives its fake's stop(): the process's end stops it.
  await (await new PostgresFake().withSharedEngine().withUser('shared', 'pw-exit').start()).stop();
  const engines = engineDescendants().map((info) => ({ pid: info.pid, dataDir: dataDirOf(info) }));
  console.log(JSON.stringify(engines));
  ${ending === 'exit' ? 'process.exit(0);' : 'setInterval(() => undefined, 1000);'}
`;

async function runChild(ending: 'exit' | 'wait'): Promise<{ engines: { pid: number; dataDir?: string }[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript(ending)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  while (!stdout.includes('\n') && child.exitCode === null) await sleep(50);
  if (ending === 'wait') child.kill('SIGTERM');
  const [code, signal] = await exited;
  if (!stdout.includes('\n')) throw new Error(`child failed (${code ?? signal}): ${stderr}`);
  return { engines: JSON.parse(stdout.split('\n')[0]!) as { pid: number; dataDir?: string }[], signal };
}

async function expectGone(engines: { pid: number; dataDir?: string }[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (engines.some((engine) => isAlive(engine.pid)) && Date.now() < deadline) await sleep(50);
  expect(engines.filter((engine) => isAlive(engine.pid))).toEqual([]);
  const workDirs = [...new Set(engines.flatMap((engine) => (engine.dataDir ? [dirname(engine.dataDir)] : [])))];
  expect(workDirs).toHaveLength(3);
  expect(workDirs.filter((dir) => existsSync(dir))).toEqual([]);
}

describe('database fakes when the test process ends without stop()', () => {
  it("stop their engines and remove their data on process.exit()", async () => {
    const { engines } = await runChild('exit');
    expect(engines.length).toBeGreaterThanOrEqual(2);
    await expectGone(engines);
  }, 60_000);

  it('stop their engines on SIGTERM, then let the signal end the process as usual', async () => {
    const { engines, signal } = await runChild('wait');
    expect(signal).toBe('SIGTERM');
    await expectGone(engines);
  }, 60_000);
});
