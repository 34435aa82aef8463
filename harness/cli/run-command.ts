import { relative } from 'node:path';
import type { RunReport } from '../reports/index.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { executeRun } from './execute-run.ts';
import { resolveRun } from './resolve-run.ts';
import { parseRunOptions, runUsage, type RunOptions } from './run-options.ts';
import { RunInterrupt } from './run-interrupt.ts';

export { runUsage };

export async function runCommand(args: string[]): Promise<number> {
  const flags = parseRunOptions(args);
  if (flags === 'help') {
    process.stdout.write(`${runUsage}\n`);
    return ExitCode.Ok;
  }
  // From here on Ctrl-C stops the run cleanly instead of killing the process mid-way.
  const interrupt = new RunInterrupt();
  try {
    const run = await resolveRun(flags);
    if (flags.watch) return await (await import('./watch-scenarios.ts')).watchScenarios(run, interrupt);
    const report = await executeRun(run, interrupt);
    if (interrupt.interrupted) return ExitCode.Interrupted;
    if (!report) throw new Error('the run ended without a report (vitest did not report the end of the run)');
    return exitCodeOf(report, run.files, run.options);
  } finally {
    interrupt.dispose();
  }
}

function exitCodeOf(report: RunReport, files: string[], options: RunOptions): number {
  if (report.scenarios.every((scenario) => scenario.filteredOut)) throw new UsageError(nothingSelected(report, files, options));
  if (report.totals.invalid > 0) return ExitCode.InvalidInput;
  if (report.totals.failed > 0 || (report.unhandledErrors ?? []).length > 0) return ExitCode.ScenarioFailed;
  return ExitCode.Ok;
}

/** "No scenario matched -t 'xyz' in 3 files (names: …)": what was asked, and what there is. */
export function nothingSelected(report: RunReport, files: string[], options: RunOptions): string {
  const where = `${files.length} file(s)${options.shard ? ` (shard ${options.shard.index}/${options.shard.count})` : ''}`;
  const names = report.scenarios.map((scenario) => scenario.name);
  const listed = names.length === 0 ? 'none' : names.slice(0, 10).map((name) => `'${name}'`).join(', ') + (names.length > 10 ? `, … ${names.length - 10} more` : '');
  const given = files.length === 1 ? ` (${relative(process.cwd(), files[0]!)})` : '';
  if (options.filter !== undefined) return `No scenario matched -t '${options.filter}' in ${where}${given} (names: ${listed}). Check the pattern: it is a regular expression matched against scenario names.`;
  return `No scenario to run in ${where}${given}.`;
}
