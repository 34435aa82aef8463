import type { ScenarioResult } from '#harness/scenario/run-scenario.ts';
import type { FieldIssue } from '#harness/scenario/scenario-file-error.ts';

export type ScenarioState = 'passed' | 'failed' | 'invalid' | 'skipped';

export interface ScenarioReportEntry {
  name: string;
  file: string;
  state: ScenarioState;
  durationMs: number;
  result?: ScenarioResult;
  invalid?: { file: string; issues: FieldIssue[] };
  skipReason?: string;
  /** Error text for failures that produced no result (already redacted). */
  errors: string[];
}

/** One run of the catalogue: what JSON, HTML and the summary are rendered from. */
export interface RunReport {
  tool: 'partner-harness';
  startedAt: string;
  durationMs: number;
  mode: 'emulated' | 'aws';
  /** The run's fake runtime (--runtime); each scenario's result names the runtime of each fake. */
  runtime: string;
  totals: Record<ScenarioState, number> & { total: number };
  scenarios: ScenarioReportEntry[];
}

export function totalsOf(scenarios: ScenarioReportEntry[]): RunReport['totals'] {
  const totals = { passed: 0, failed: 0, invalid: 0, skipped: 0, total: scenarios.length };
  for (const scenario of scenarios) totals[scenario.state]++;
  return totals;
}
