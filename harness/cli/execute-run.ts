import type { RunReport } from '../reports/index.ts';
import { CONFIG_ENV } from '../config/index.ts';
import { resolveContainerSettings } from '../../fakes/container/container-settings.ts';
import type { ResolvedRun } from './resolve-run.ts';
import { checkShardFits, prepareOutDir } from './run-options.ts';
import type { RunInterrupt } from './run-interrupt.ts';
import { runScenarios } from './run-scenarios.ts';

/**
 * Runs a resolved run through vitest: the checks that need the files, the report folder, the
 * config handed to the scenario workers. Undefined when interrupted before a report was made.
 */
export async function executeRun(run: ResolvedRun, interrupt: RunInterrupt): Promise<RunReport | undefined> {
  checkShardFits(run.options.shard, run.files.length);
  // A bad image in PARTNER_HARNESS_BASE_IMAGE / PARTNER_HARNESS_IMAGE_* is the user's mistake (exit 2), before any worker starts.
  resolveContainerSettings(run.config?.config.containers);
  await prepareOutDir(run.options.outDir);
  if (interrupt.interrupted) return undefined;
  // Workers are forked with this environment: they load the same config (its fake kinds).
  if (run.config) process.env[CONFIG_ENV] = run.config.file;
  else delete process.env[CONFIG_ENV];
  return runScenarios(run.files, run.options, interrupt);
}
