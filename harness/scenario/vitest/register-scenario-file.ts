import { dirname, relative } from 'node:path';
import { test } from 'vitest';
import { HeapGrowthLimit } from '../../../core/process/index.ts';
import { Redactor } from '../../redaction/index.ts';
import { loadConfigFromEnv } from '../../config/load-config.ts';
import { importUserModule } from '../import-user-module.ts';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { ScenarioFileError } from '../scenario-file-error.ts';
import { scenarioSettingsFromConfig, type ScenarioSettings } from '../scenario-settings-from-config.ts';
import { runScenario, type ScenarioResult } from '../run-scenario.ts';
import { runtimeFromEnv } from '../fakes/runtime-choice.ts';
import { unavailableReason } from '../fakes/unavailable-reason.ts';
import { redactWorkerOutput, scenarioFinished } from './redact-worker-output.ts';
import { ScenarioFailure } from './scenario-failure.ts';
import type { ScenarioMeta } from './scenario-meta.ts';

// A vitest fork whose parent is gone (the CLI was interrupted while a scenario waited on a
// partner) would otherwise live on with its fakes. Exiting runs the fakes' exit cleanup.
process.once('disconnect', () => process.exit(130));

/** Extra time a scenario gets beyond its own emulated timeout, for fakes and setup. */
const SETUP_ALLOWANCE_MS = 30_000;

/** A worker runs hundreds of scenarios (isolate: false): its heap is collected as it grows, not left to double. */
const heapGrowth = new HeapGrowthLimit();

let workerSettings: Promise<ScenarioSettings> | undefined;

/**
 * What the run's config gives this worker's scenarios, loaded once per worker through Vite's own
 * import (a TypeScript config compiles without starting a second Vite).
 */
function settings(): Promise<ScenarioSettings> {
  workerSettings ??= loadConfigFromEnv({ importModule: importUserModule }).then(scenarioSettingsFromConfig);
  return workerSettings;
}

/** Registers one vitest test for one scenario file (called from the module scenario-plugin makes). */
export async function registerScenarioFile(file: string): Promise<void> {
  const shown = relative(process.cwd(), file);
  const { kinds, observedMessages: observed } = await settings();
  try {
    const scenario = await loadScenarioFile(file, { kinds });
    const timeout = (scenario.emulator.connectTimeoutMs ?? 15_000) + SETUP_ALLOWANCE_MS;
    test(scenario.name, { timeout }, async ({ task, skip }) => {
      const runtime = runtimeFromEnv();
      const unavailable = unavailableReason(scenario, runtime, kinds);
      if (unavailable) {
        (task.meta as ScenarioMeta).partnerHarness = { skipReason: unavailable };
        skip(unavailable);
      }
      // The scenario's secrets also mask whatever this worker prints (terminal, junit.xml).
      const redactor = new Redactor();
      redactWorkerOutput(redactor);
      let result: ScenarioResult;
      try {
        result = await runScenario(scenario, { mode: modeFromEnv(), baseDir: dirname(file), runtime, kinds, redactor, observedMessages: observed }, shown);
      } finally {
        scenarioFinished(redactor);
        heapGrowth.check();
      }
      const invalid = result.invalidReference && { file: shown, issues: [{ path: result.invalidReference.where, message: result.invalidReference.message }] };
      (task.meta as ScenarioMeta).partnerHarness = { result, invalid };
      if (!result.passed) throw new ScenarioFailure(result);
    });
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error;
    const invalid = new ScenarioFileError(shown, error.issues);
    test(`${shown} (invalid scenario file)`, ({ task }) => {
      (task.meta as ScenarioMeta).partnerHarness = { invalid: { file: shown, issues: invalid.issues } };
      throw invalid;
    });
  }
}

function modeFromEnv(): 'emulated' | 'aws' {
  return process.env.PARTNER_HARNESS_MODE === 'aws' ? 'aws' : 'emulated';
}
