import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadScenarioFile } from '../../harness/scenario/load-scenario-file.ts';
import { runScenario, type ScenarioResult } from '../../harness/scenario/run-scenario.ts';
import { unavailableReason } from '../../harness/scenario/fakes/unavailable-reason.ts';
import { ROOT } from './run-cli.ts';

/** What must match across runtimes: Status and StatusMessage, or the exception. */
interface Answer {
  status?: unknown;
  message?: unknown;
  error?: string;
}

function answer(result: ScenarioResult): Answer {
  // Ports, the random suffix of secret ARNs and EC2 resource ids differ on every run.
  const normalise = (text: unknown) =>
    typeof text === 'string'
      ? text
          .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
          .replace(/(:secret:\S+?)-[A-Za-z0-9]{6}\b/g, '$1-XXXXXX')
          .replace(/\b(vpc|subnet|sg|rtb|vpce|nat)-[0-9a-f]{8,17}\b/g, '$1-ID')
      : text;
  const response = (result.response ?? {}) as Record<string, unknown>;
  return {
    status: response.Status,
    message: normalise(response.StatusMessage),
    error: result.error ? `${result.error.name}: ${normalise(result.error.message)}` : undefined,
  };
}

/** The YAML scenarios of one catalogue folder. */
export async function catalogueFiles(folder: string): Promise<string[]> {
  return (await readdir(join(ROOT, 'scenarios', folder))).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', folder, f));
}

/** Runs one scenario in both runtimes and expects the same answer. */
export async function expectParity(relative: string): Promise<void> {
  const file = join(ROOT, relative);
  const scenario = await loadScenarioFile(file);
  // Only scenarios that both runtimes can give; the catalogue run reports the others as skipped.
  if (unavailableReason(scenario, 'process') ?? unavailableReason(scenario, 'embedded')) return;
  const embedded = await runScenario(scenario, { runtime: 'embedded', baseDir: join(file, '..') });
  const real = await runScenario(scenario, { runtime: 'process', baseDir: join(file, '..') });
  expect(real.setupError).toBeUndefined();
  expect(answer(embedded)).toEqual(answer(real));
}
