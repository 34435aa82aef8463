import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGeneratedScenarios } from './generated-scenarios.ts';
import { goalRow, sample, type Sample } from './run-sample.ts';

const SIZES = [100, 500, 1_000];
/** Issue 13: 1,000 Transfer scenarios in ≤ 60 s. */
const GOAL_1000_S = 60;
/** Linear: a scenario costs at most this much more between 500 and 1,000 than between 100 and 500. */
const GOAL_LINEAR = 1.3;
/** Flat: the largest process's peak at 1,000 at most this much above the one at 100. */
const GOAL_FLAT = 1.3;

/**
 * 100, 500 and 1,000 generated partner scenarios (faker, mixed outcomes), each size one
 * `partner-harness run` over as many files: wall time and the peak memory of the largest process,
 * printed as a curve with the wall time per scenario and as a ratio to the trivial vitest run.
 */
export async function benchScale(root: string, log: (row: string) => void, referenceMs: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ph-bench-scale-'));
  try {
    const samples = new Map<number, Sample>();
    for (const size of SIZES) {
      const dir = join(work, `scenarios-${size}`);
      writeGeneratedScenarios(dir, size);
      const run = await sample([join(root, 'bin/partner-harness.js'), 'run', dir, '--out', join(work, `out-${size}`)], work);
      samples.set(size, run);
      log(
        `${`${size} generated Transfer scenarios, wall`.padEnd(52)}${`${(run.wallMs / 1000).toFixed(1)} s`.padStart(10)}` +
          `  ${(run.wallMs / size).toFixed(1)} ms/scenario, ${(run.wallMs / referenceMs).toFixed(1)}× trivial vitest, largest process ${run.largestMiB.toFixed(0)} MiB (CLI ${run.rootMiB.toFixed(0)}, largest worker ${run.largestChildMiB.toFixed(0)}; all ${run.sumMiB.toFixed(0)} MiB)`,
      );
    }
    const at = (size: number) => samples.get(size)!;
    const early = (at(500).wallMs - at(100).wallMs) / 400;
    const late = (at(1_000).wallMs - at(500).wallMs) / 500;
    log(goalRow('1,000 scenarios, wall', `${(at(1_000).wallMs / 1000).toFixed(1)} s`, `≤ ${GOAL_1000_S} s`, at(1_000).wallMs <= GOAL_1000_S * 1000));
    log(goalRow('ms per scenario 500→1,000 / 100→500 (linearity)', `${(late / early).toFixed(2)}×`, `≤ ${GOAL_LINEAR}×`, late / early <= GOAL_LINEAR));
    const flat = at(1_000).largestMiB / at(100).largestMiB;
    log(goalRow('largest process peak 1,000 / 100 (memory flat)', `${flat.toFixed(2)}×`, `≤ ${GOAL_FLAT}×`, flat <= GOAL_FLAT));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
