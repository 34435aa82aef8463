import { PartnerHarnessError } from '../../../core/errors/index.ts';
import type { RunReport } from '../../reports/index.ts';
import type { FakeRuntime } from '../../scenario/fakes/runtime-choice.ts';
import { executeRun } from '../execute-run.ts';
import { resolveRun } from '../resolve-run.ts';
import { checkMode, checkPattern, checkRuntime, checkWorkers, parseShard, type RunMode } from '../run-options.ts';
import { RunInterrupt } from '../run-interrupt.ts';

export interface RunScenariosOptions {
  /** Scenario files, folders or globs, relative to `cwd`. Default: the config's `scenarios`, else ./scenarios. */
  paths?: string[];
  /** Run the catalogue shipped with partner-harness instead. */
  catalogue?: boolean;
  /** The config file. Default: partner-harness.config.{ts,mts,js,mjs} in `cwd`; `false` for none. */
  config?: string | false;
  /** Where report.json, report.html and junit.xml go. Default: the config's outDir, else reports/out. */
  outDir?: string;
  /** Only scenarios whose name matches this regular expression. */
  filter?: string;
  /** Run part i of n: `'1/3'` or `{ index: 1, count: 3 }`. */
  shard?: string | { index: number; count: number };
  runtime?: FakeRuntime;
  mode?: RunMode;
  /** Scenario files run at once, each worker a process. Default: one less than the cores, at least 2. */
  workers?: number;
  /** Partner profiles written by `probe --save`, relative to `cwd`: the reports show their policy matrices. */
  profiles?: string[];
  /** Default: the current directory. */
  cwd?: string;
  /** Print vitest's progress and the summary to the terminal, as the CLI does. Default: false. */
  print?: boolean;
}

/** A run was interrupted (SIGINT/SIGTERM) before it produced a report. */
export class RunInterruptedError extends PartnerHarnessError {
  declare readonly code: 'RUN_INTERRUPTED';
  constructor() {
    super('RUN_INTERRUPTED', 'The run was interrupted (SIGINT or SIGTERM) before any scenario finished.');
  }
}

/**
 * Runs scenario files as `partner-harness run` does (same config, defaults and reports) and
 * returns the run report; prints nothing unless `print` is set. Invalid options are UsageErrors,
 * an invalid config a ConfigError; failed and invalid scenarios are in the report, not thrown.
 * During the run, the first Ctrl-C stops it (the report then says `interrupted: true`).
 */
export async function runScenarios(options: RunScenariosOptions = {}): Promise<RunReport> {
  const run = await resolveRun({
    ...options,
    mode: options.mode === undefined ? undefined : checkMode(options.mode, 'mode'),
    runtime: options.runtime === undefined ? undefined : checkRuntime(options.runtime, 'runtime'),
    filter: options.filter === undefined ? undefined : checkPattern(options.filter),
    workers: options.workers === undefined ? undefined : checkWorkers(options.workers, 'workers'),
    shard: typeof options.shard === 'string' ? parseShard(options.shard) : options.shard && parseShard(`${options.shard.index}/${options.shard.count}`),
  });
  run.options.print = options.print ?? false;
  const interrupt = new RunInterrupt(options.print ? undefined : () => undefined);
  // vitest sets the exit code of a run with failures; the caller decides what a failure means.
  const exitCode = process.exitCode;
  try {
    const report = await executeRun(run, interrupt);
    if (!report) throw interrupt.interrupted ? new RunInterruptedError() : new Error('the run ended without a report (vitest did not report the end of the run)');
    return report;
  } finally {
    interrupt.dispose();
    process.exitCode = exitCode;
  }
}
