import { printableLines } from '../../core/values/index.ts';
import type { RunReport, ScenarioReportEntry } from './run-report.ts';
import { diagnosisLines } from './diagnosis-lines.ts';
import { scenarioProblems } from './scenario-problems.ts';

const MARK = { passed: '✓', failed: '✗', invalid: '!', skipped: '-' } as const;

/**
 * The terminal summary: one line per scenario, the reasons under failures, totals last. Every
 * line goes through printable(): names, answers and diagnoses come from scenario files, partners
 * and (merge-reports) report files, and none of them may drive the terminal.
 */
export function renderSummary(report: RunReport, reportFiles: string[] = []): string {
  const lines = [
    '',
    `partner-harness: ${report.totals.total} scenario(s) in ${(report.durationMs / 1000).toFixed(1)}s (${report.mode}, runtime ${report.runtime})`,
  ];
  if (report.interrupted) lines.push('Interrupted: only the scenarios that finished before the interrupt are listed.');
  let filteredOut = 0;
  for (const scenario of report.scenarios) {
    if (scenario.filteredOut) {
      filteredOut++;
      continue;
    }
    const skipped = scenario.skipReason ? `  (skipped: ${scenario.skipReason})` : '';
    lines.push(`  ${MARK[scenario.state]} ${scenario.name}${outcome(scenario)}${skipped}`);
    lines.push(...scenarioProblems(scenario).map((line) => `      ${line}`), ...diagnosisLines(scenario).map((line) => `      ${line}`));
  }
  if (filteredOut > 0) lines.push(`  - ${filteredOut} scenario(s) not selected by the name filter (-t)`);
  for (const error of report.unhandledErrors ?? []) lines.push(`  ! error outside any scenario: ${error.split('\n')[0]}`);
  const { passed, failed, invalid, skipped } = report.totals;
  lines.push('', `${passed} passed, ${failed} failed, ${invalid} invalid, ${skipped} skipped`);
  if (reportFiles.length > 0) lines.push(`Reports: ${reportFiles.join(', ')}`);
  return printableLines(lines.join('\n')) + '\n';
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
