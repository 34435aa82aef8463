import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessTreePeak } from './process-tree-peak.ts';

const GOAL_RATIO = 1.6;
const GOAL_PEAK_MIB = 200;

interface Sample {
  wallMs: number;
  largestMiB: number;
  sumMiB: number;
}

/**
 * Start-up cost: `partner-harness run` of one small scenario against a trivial `vitest run` of a
 * one-line test, measured in turn (A B A B …) in the same run so that the ratio holds on a noisy
 * machine. Goals (issue 10): ratio of medians ≤ 1.6, the largest process's peak ≤ 200 MiB.
 */
export async function benchStartup(root: string, log: (row: string) => void, runs = 7): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ph-bench-startup-'));
  try {
    const trivial = join(work, 'trivial');
    mkdirSync(trivial);
    writeFileSync(join(trivial, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(trivial, 'one.test.js'), "import { expect, test } from 'vitest';\ntest('one', () => expect(1).toBe(1));\n");
    symlinkSync(join(root, 'node_modules'), join(trivial, 'node_modules'));
    const scenario = join(root, 'scenarios/transfer-connector/01-password-login-succeeds.yaml');
    const harness = [join(root, 'bin/partner-harness.js'), 'run', scenario, '--out', join(work, 'out')];
    const vitest = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', trivial];
    const a: Sample[] = [];
    const b: Sample[] = [];
    await sample(harness, work);
    await sample(vitest, trivial);
    for (let i = 0; i < runs; i++) {
      a.push(await sample(harness, work));
      b.push(await sample(vitest, trivial));
    }
    const wallA = median(a.map((s) => s.wallMs));
    const wallB = median(b.map((s) => s.wallMs));
    const ratio = wallA / wallB;
    const peak = median(a.map((s) => s.largestMiB));
    log(`${'one scenario run (partner-harness run), wall'.padEnd(52)}${`${wallA.toFixed(0)} ms`.padStart(10)}`);
    log(`${'trivial vitest run of a one-line test, wall'.padEnd(52)}${`${wallB.toFixed(0)} ms`.padStart(10)}`);
    log(`${'ratio one scenario / trivial vitest (median)'.padEnd(52)}${`${ratio.toFixed(2)}×`.padStart(10)}  goal ≤ ${GOAL_RATIO}× ${ratio <= GOAL_RATIO ? 'met' : 'NOT MET'}`);
    log(
      `${'one scenario run, largest process peak RSS'.padEnd(52)}${`${peak.toFixed(0)} MiB`.padStart(10)}  goal ≤ ${GOAL_PEAK_MIB} MiB ${peak <= GOAL_PEAK_MIB ? 'met' : 'NOT MET'}` +
        ` (all processes together ${median(a.map((s) => s.sumMiB)).toFixed(0)} MiB; trivial vitest ${median(b.map((s) => s.largestMiB)).toFixed(0)} MiB)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function sample(args: string[], cwd: string): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const peak = new ProcessTreePeak(child.pid!);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const { largestMiB, sumMiB } = peak.stop();
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr}`);
  return { wallMs, largestMiB, sumMiB };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
