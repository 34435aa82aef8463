import type { ScenarioReportEntry } from './run-report.ts';

/** Why a scenario did not pass, one line per reason: field issues, set-up error, missed expectations or errors. */
export function scenarioProblems(scenario: ScenarioReportEntry, { errorLines = 3 } = {}): string[] {
  if (scenario.state === 'passed' || scenario.state === 'skipped') return [];
  if (scenario.invalid) return scenario.invalid.issues.map((issue) => `${issue.path || '(file)'}: ${issue.message}`);
  const result = scenario.result;
  if (result?.setupError) return [`could not run: ${result.setupError}`];
  const misses = (result?.expectations ?? [])
    .filter((e) => !e.passed)
    .map((e) => `${e.field}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.actual ?? null)}`);
  return misses.length > 0 ? misses : scenario.errors.flatMap((error) => error.split('\n').slice(0, errorLines));
}
