import { PartnerHarnessError } from '../../core/errors/index.ts';
import { distinctProbes, type RunReport, type ScenarioReportEntry, type ScenarioState } from './run-report.ts';

/** One shard's report and where it was read from (named in every error). */
export interface ShardReport {
  dir: string;
  report: RunReport;
}

/** The shard reports do not make one whole run: overlapping, incomplete or mixed. */
export class ShardSetError extends PartnerHarnessError {
  declare readonly code: 'SHARD_SET_INVALID';

  constructor(problems: string[]) {
    super(
      'SHARD_SET_INVALID',
      `merge-reports: these reports are not one complete set of shards:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      { fix: 'Give the report folder of every shard of one run (run --shard 1/n … n/n with the same scenarios and mode), each once' },
    );
  }
}

const STATES: readonly ScenarioState[] = ['passed', 'failed', 'invalid', 'skipped'];

/**
 * One report from the reports of `run --shard 1/n` … `n/n`: every scenario once, in shard order,
 * totals summed, each probe profile once (by target and time probed). Refuses (ShardSetError,
 * every problem listed) a report that is not a shard, a shard given twice or missing, a file or
 * scenario in two shards, and shards of different runs (another n, mode or number of files).
 */
export function mergeRunReports(shards: readonly ShardReport[]): RunReport {
  const problems = shardSetProblems(shards);
  if (problems.length > 0) throw new ShardSetError(problems);
  const ordered = [...shards].sort((a, b) => a.report.shard!.index - b.report.shard!.index).map((shard) => shard.report);
  const starts = ordered.map((report) => Date.parse(report.startedAt));
  const ends = ordered.map((report, i) => starts[i]! + report.durationMs);
  const first = ordered[0]!;
  const totals = { passed: 0, failed: 0, invalid: 0, skipped: 0, total: 0 };
  for (const report of ordered) for (const key of [...STATES, 'total'] as const) totals[key] += report.totals[key];
  const unhandledErrors = ordered.flatMap((report) => report.unhandledErrors ?? []);
  // Every shard of a CI matrix is usually given the same --profile: each partner's probe once.
  const probes = distinctProbes(ordered.flatMap((report) => report.probes ?? []));
  return {
    tool: 'partner-harness',
    startedAt: new Date(Math.min(...starts)).toISOString(),
    // Shards run side by side: the merged run took from the first start to the last end.
    durationMs: Math.max(...ends) - Math.min(...starts),
    mode: first.mode,
    runtime: [...new Set(ordered.map((report) => report.runtime))].join(', '),
    ...(first.versions ? { versions: first.versions } : {}),
    ...(ordered.some((report) => report.interrupted) ? { interrupted: true } : {}),
    ...(unhandledErrors.length > 0 ? { unhandledErrors } : {}),
    totals,
    scenarios: ordered.flatMap((report) => report.scenarios),
    mergedFrom: ordered.map((report) => ({ shard: `${report.shard!.index}/${report.shard!.count}`, startedAt: report.startedAt, durationMs: report.durationMs })),
    ...(probes.length > 0 ? { probes } : {}),
  };
}

function shardSetProblems(shards: readonly ShardReport[]): string[] {
  if (shards.length === 0) return ['no report given'];
  const notShards = shards.filter((shard) => !shard.report.shard);
  if (notShards.length > 0) return notShards.map((shard) => `${shard.dir}: not a shard's report (it was not run with --shard i/n)`);
  const problems: string[] = [];
  const differing = (what: string, value: (report: RunReport) => string | number) => {
    const values = new Map<string | number, string[]>();
    for (const shard of shards) values.set(value(shard.report), [...(values.get(value(shard.report)) ?? []), shard.dir]);
    if (values.size > 1) problems.push(`mixed runs, different ${what}: ${[...values].map(([v, dirs]) => `${v} in ${dirs.join(', ')}`).join('; ')}`);
    return values.size > 1;
  };
  const mixedCount = differing('number of shards (n of --shard i/n)', (report) => report.shard!.count);
  differing('mode', (report) => report.mode);
  const mixedFiles = differing('number of scenario files', (report) => report.shard!.totalFiles);
  const byIndex = groupBy(shards, (shard) => String(shard.report.shard!.index));
  for (const [index, dirs] of byIndex) if (dirs.length > 1) problems.push(`overlapping: shard ${index}/${shards[0]!.report.shard!.count} is given twice (${dirs.join(', ')})`);
  if (!mixedCount) {
    const count = shards[0]!.report.shard!.count;
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(String(index)));
    if (missing.length > 0) problems.push(`incomplete: ${missing.map((index) => `shard ${index}/${count}`).join(', ')} missing (given: ${shards.map((shard) => `${shard.report.shard!.index}/${count} in ${shard.dir}`).join(', ')})`);
  }
  // Only worth saying when the shards are distinct: a shard given twice repeats all of its files.
  if ([...byIndex.values()].every((dirs) => dirs.length === 1)) {
    for (const [file, dirs] of groupBy(shards.flatMap((shard) => shard.report.shard!.files.map((file) => ({ file, dir: shard.dir }))), (entry) => entry.file)) {
      if (dirs.length > 1) problems.push(`overlapping: the file ${file} ran in more than one shard (${unique(dirs).join(', ')})`);
    }
    const scenarios = shards.flatMap((shard) => shard.report.scenarios.map((scenario) => ({ ...scenarioKey(scenario), dir: shard.dir })));
    for (const [key, dirs] of groupBy(scenarios, (entry) => `${entry.file} › ${entry.name}`)) {
      if (dirs.length > 1) problems.push(`overlapping: the scenario ${key} is in more than one report (${unique(dirs).join(', ')})`);
    }
    const files = shards.reduce((sum, shard) => sum + shard.report.shard!.files.length, 0);
    const totalFiles = shards[0]!.report.shard!.totalFiles;
    if (problems.length === 0 && !mixedFiles && files !== totalFiles) problems.push(`incomplete: the shards ran ${files} file(s), the run has ${totalFiles}`);
  }
  return problems;
}

function scenarioKey(scenario: ScenarioReportEntry): { file: string; name: string } {
  return { file: scenario.file, name: scenario.name };
}

function groupBy<T extends { dir: string }>(items: readonly T[], key: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item.dir]);
  return groups;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
