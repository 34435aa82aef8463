import type { RunReport, ScenarioReportEntry } from './run-report.ts';

const MARK = { passed: '✓', failed: '✗', invalid: '!', skipped: '-' } as const;

/** The terminal summary: one line per scenario, the reasons under failures, totals last. */
export function renderSummary(report: RunReport, reportFiles: string[] = []): string {
  const lines = [
    '',
    `partner-harness: ${report.totals.total} scenario(s) in ${(report.durationMs / 1000).toFixed(1)}s (${report.mode}, runtime ${report.runtime})`,
  ];
  for (const scenario of report.scenarios) {
    const skipped = scenario.skipReason ? `  (skipped: ${scenario.skipReason})` : '';
    lines.push(`  ${MARK[scenario.state]} ${scenario.name}${outcome(scenario)}${skipped}`);
    lines.push(...details(scenario).map((line) => `      ${line}`));
  }
  const { passed, failed, invalid, skipped } = report.totals;
  lines.push('', `${passed} passed, ${failed} failed, ${invalid} invalid, ${skipped} skipped`);
  if (reportFiles.length > 0) lines.push(`Reports: ${reportFiles.join(', ')}`);
  return lines.join('\n') + '\n';
}

function outcome(scenario: ScenarioReportEntry): string {
  const result = scenario.result;
  if (!result) return '';
  if (result.error) return `  [${result.operation} → ${result.error.name}]`;
  const response = (result.response ?? {}) as { Status?: string; StatusMessage?: string; StatusCode?: number; Message?: string };
  const provenance = result.emulator?.messages.at(-1)?.provenance;
  const tag = provenance ? ` (${provenance})` : '';
  // Transfer TestConnection answers Status/StatusMessage; TestIdentityProvider StatusCode/Message.
  if (response.Status !== undefined) return `  [${result.operation} → ${response.Status} "${response.StatusMessage}"${tag}]`;
  if (response.StatusCode !== undefined) return `  [${result.operation} → ${response.StatusCode} "${response.Message}"${tag}]`;
  return `  [${result.operation}]`;
}

function details(scenario: ScenarioReportEntry): string[] {
  if (scenario.state === 'passed' || scenario.state === 'skipped') return [];
  if (scenario.invalid) return scenario.invalid.issues.map((issue) => `${issue.path || '(file)'}: ${issue.message}`);
  const result = scenario.result;
  if (result?.setupError) return [`could not run: ${result.setupError}`];
  const misses = (result?.expectations ?? [])
    .filter((e) => !e.passed)
    .map((e) => `${e.field}: expected ${JSON.stringify(e.expected)}, got ${JSON.stringify(e.actual ?? null)}`);
  return misses.length > 0 ? misses : scenario.errors.flatMap((error) => error.split('\n').slice(0, 3));
}
