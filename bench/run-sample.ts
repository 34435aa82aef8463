import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessTreePeak } from './process-tree-peak.ts';

/** One run of a command: its wall time and the peak resident memory of its process tree. */
export interface Sample {
  wallMs: number;
  largestMiB: number;
  sumMiB: number;
  /** The command's own process. */
  rootMiB: number;
  /** The largest process it started (for `partner-harness run`, a vitest worker). */
  largestChildMiB: number;
}

/** Runs `node ...args` in `cwd` to its end, watching its process tree; throws on a non-zero exit. */
export async function sample(args: string[], cwd: string): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const peak = new ProcessTreePeak(child.pid!);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peaks = peak.stop();
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr}`);
  return { wallMs, ...peaks };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The reference every wall-time ratio is taken against: `vitest run` of a one-line test in a
 * folder of its own under `work`, with this checkout's node_modules. Returns its command and folder.
 */
export function trivialVitest(root: string, work: string): { args: string[]; cwd: string } {
  const cwd = join(work, 'trivial');
  mkdirSync(cwd);
  writeFileSync(join(cwd, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(cwd, 'one.test.js'), "import { expect, test } from 'vitest';\ntest('one', () => expect(1).toBe(1));\n");
  symlinkSync(join(root, 'node_modules'), join(cwd, 'node_modules'));
  return { args: [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', cwd], cwd };
}

/** `label  value  goal … met` with the same columns as the other rows. */
export function goalRow(label: string, value: string, goal: string, met: boolean): string {
  return `${label.padEnd(52)}${value.padStart(10)}  goal ${goal} ${met ? 'met' : 'NOT MET'}`;
}
