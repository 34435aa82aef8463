import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, sample, trivialVitest, type Sample } from './run-sample.ts';

const GOAL_RATIO = 1.6;
const GOAL_PEAK_MIB = 200;

/**
 * Start-up cost: `partner-harness run` of one small scenario against a trivial `vitest run` of a
 * one-line test, measured in turn (A B A B …) in the same run so that the ratio holds on a noisy
 * machine. Goals (issue 10): ratio of medians ≤ 1.6, the largest process's peak ≤ 200 MiB.
 */
export async function benchStartup(root: string, log: (row: string) => void, runs = 7): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ph-bench-startup-'));
  try {
    const { args: vitest, cwd: trivial } = trivialVitest(root, work);
    const scenario = join(root, 'scenarios/transfer-connector/01-password-login-succeeds.yaml');
    const harness = [join(root, 'bin/partner-harness.js'), 'run', scenario, '--out', join(work, 'out')];
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
