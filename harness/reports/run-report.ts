import type { ProbeProfile } from '../probe/probe-profile.ts';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import type { FieldIssue } from '../scenario/scenario-file-error.ts';
import type { ToolVersions } from './tool-versions.ts';

export type ScenarioState = 'passed' | 'failed' | 'invalid' | 'skipped';

/** One piece of console output a scenario printed, redacted in the worker before it left it. */
export interface CapturedOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ScenarioReportEntry {
  name: string;
  file: string;
  state: ScenarioState;
  durationMs: number;
  result?: ScenarioResult;
  invalid?: { file: string; issues: FieldIssue[] };
  skipReason?: string;
  /** Skipped because the name filter (-t) did not select it: the scenario never ran. */
  filteredOut?: boolean;
  /** Error text for failures that produced no result (already redacted). */
  errors: string[];
  /** Console output of the scenario's test (redacted where it was printed). */
  output?: CapturedOutput[];
}

/** One run of the catalogue: what JSON, HTML, JUnit and the summary are rendered from. */
export interface RunReport {
  tool: 'partner-harness';
  startedAt: string;
  durationMs: number;
  mode: 'emulated' | 'aws';
  /** The run's fake runtime (--runtime); each scenario's result names the runtime of each fake. */
  runtime: string;
  /** partner-harness and Node, as the run used them. */
  versions?: ToolVersions;
  /** The run was stopped (Ctrl-C, SIGTERM): `scenarios` holds only those that finished before. */
  interrupted?: boolean;
  /** Errors outside any scenario (a worker that crashed); they fail the run. Redacted. */
  unhandledErrors?: string[];
  totals: Record<ScenarioState, number> & { total: number };
  scenarios: ScenarioReportEntry[];
  /** Set by `run --shard i/n`: which part this is, so `merge-reports` can check a set is whole. */
  shard?: ShardInfo;
  /** Set by `merge-reports`: the shard reports this one was made from. */
  mergedFrom?: Array<{ shard: string; startedAt: string; durationMs: number }>;
  /** The partner profiles given with `run --profile` (written by `probe --save`), each once; absent when none was given. */
  probes?: ProbeProfile[];
}

/** One shard of a run split with `--shard index/count`. */
export interface ShardInfo {
  index: number;
  count: number;
  /** The scenario files this shard ran, relative to the run's root, as in `scenarios[].file`. */
  files: string[];
  /** How many scenario files the whole run (all shards) has. */
  totalFiles: number;
}

export function totalsOf(scenarios: ScenarioReportEntry[]): RunReport['totals'] {
  const totals = { passed: 0, failed: 0, invalid: 0, skipped: 0, total: scenarios.length };
  for (const scenario of scenarios) totals[scenario.state]++;
  return totals;
}

/** Each probe once: the same partner probed at the same moment is one profile, however often it was given. */
export function distinctProbes(probes: readonly ProbeProfile[]): ProbeProfile[] {
  const seen = new Set<string>();
  return probes.filter((probe) => {
    const key = `${probe.target}\n${probe.probedAt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
