import { printableLines } from '../../core/values/index.ts';
import type { ProbeProfile } from '../probe/probe-profile.ts';
import { markdownEscape as md } from './markdown-escape.ts';
import { policyMatrix, type MatrixVerdict } from './policy-matrix.ts';
import type { RunReport, ScenarioReportEntry } from './run-report.ts';
import { scenarioProblems } from './scenario-problems.ts';

/** GitHub cuts a step summary at 1 MiB; kept under it, with room for the note that says so. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096;

const MARK = { passed: '✅', failed: '❌', invalid: '⚠️', skipped: '⏭️' } as const;

/**
 * The run as Markdown for `$GITHUB_STEP_SUMMARY` or a pull-request comment: totals, the
 * partners probed (`run --profile`), then the failures with expected vs actual, then every
 * scenario with the runtime of each fake. Every value from the report is escaped; past
 * `maxBytes` (UTF-8) it is cut at a line with a note.
 */
export function renderMarkdown(report: RunReport, { maxBytes = STEP_SUMMARY_LIMIT } = {}): string {
  const { passed, failed, invalid, skipped, total } = report.totals;
  const shards = report.mergedFrom ? `, ${report.mergedFrom.length} shard(s) merged` : report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : '';
  const lines = [
    `## partner-harness: ${failed + invalid > 0 ? '❌' : '✅'} ${passed} passed, ${failed} failed, ${invalid} invalid, ${skipped} skipped (${total} scenario(s))`,
    '',
    `Mode ${md(report.mode)}, runtime ${md(report.runtime)}, ${(report.durationMs / 1000).toFixed(1)} s${md(shards)}, started ${md(report.startedAt)}.`,
  ];
  if (report.interrupted) lines.push('', '**Interrupted**: only the scenarios that finished before the interrupt are listed.');
  for (const error of report.unhandledErrors ?? []) lines.push('', `**Error outside any scenario**: ${md(error.split('\n')[0] ?? '')}`);
  lines.push(...probeLines(report.probes ?? []));
  const failures = report.scenarios.filter((scenario) => scenario.state === 'failed' || scenario.state === 'invalid');
  if (failures.length > 0) {
    lines.push('', `### Failures (${failures.length})`, '', '| Scenario | File | Check | Expected | Actual |', '| --- | --- | --- | --- | --- |');
    for (const scenario of failures) lines.push(...failureRows(scenario));
  }
  const listed = report.scenarios.filter((scenario) => !scenario.filteredOut);
  lines.push('', `<details${failures.length > 0 ? '' : ' open'}><summary>All scenarios (${listed.length})</summary>`, '', '| | Scenario | Operation | Fakes (runtime) | Time |', '| --- | --- | --- | --- | --- |');
  for (const scenario of [...failures, ...listed.filter((scenario) => !failures.includes(scenario))]) lines.push(scenarioRow(scenario));
  lines.push('', '</details>');
  const filteredOut = report.scenarios.length - listed.length;
  if (filteredOut > 0) lines.push('', `${filteredOut} scenario(s) not selected by the name filter (-t).`);
  return bounded(lines, maxBytes);
}

/** The partners probed (`run --profile`), one row each: the policies or TLS settings under which AWS's test would pass, fail, or was not predicted. */
function probeLines(probes: readonly ProbeProfile[]): string[] {
  if (probes.length === 0) return [];
  const lines = ['', `### Partners probed (${probes.length})`, '', '| Partner | Probed | ✅ OK | ❌ ERROR | ⏭️ Not predicted |', '| --- | --- | --- | --- | --- |'];
  for (const probe of probes) {
    const { rows } = policyMatrix(probe);
    const names = (verdict: MatrixVerdict) => md(rows.filter((row) => row.verdict === verdict).map((row) => row.name).join(', '), 600);
    lines.push(`| ${md(probe.target)} | ${md(probe.probedAt)} | ${names('ok')} | ${names('error')} | ${names('skipped')} |`);
  }
  lines.push('', 'AWS’s message under each, and what each server showed: report.html.');
  return lines;
}

function failureRows(scenario: ScenarioReportEntry): string[] {
  const name = `${MARK[scenario.state]} ${md(scenario.name)}`;
  const missed = (scenario.result?.expectations ?? []).filter((expectation) => !expectation.passed);
  if (missed.length > 0 && !scenario.result?.setupError) {
    return missed.map((e) => `| ${name} | ${md(scenario.file)} | ${md(e.field)} | ${md(shown(e.expected))} | ${md(shown(e.actual))} |`);
  }
  // No expectation to compare: an invalid file, a set-up error or a crash says why instead.
  const why = scenarioProblems(scenario).join('\n') || scenario.state;
  return [`| ${name} | ${md(scenario.file)} | ${scenario.state === 'invalid' ? 'invalid file' : 'error'} | | ${md(why, 600)} |`];
}

function scenarioRow(scenario: ScenarioReportEntry): string {
  const fakes = Object.entries(scenario.result?.fakes ?? {}).map(([name, fake]) => `${name}: ${fake.kind} (${fake.runtime})`);
  return `| ${MARK[scenario.state]} | ${md(scenario.name)} | ${md(scenario.result?.operation ?? '')} | ${md(fakes.join(', '))} | ${(scenario.durationMs / 1000).toFixed(2)} s |`;
}

function shown(value: unknown): string {
  return value === undefined ? '(absent)' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The lines up to `maxBytes`, cut at a line, with a note and the open <details> closed. */
function bounded(given: string[], maxBytes: number): string {
  // Whatever a report file holds (totals included) reaches the terminal that prints the summary escaped.
  const lines = given.map(printableLines);
  const whole = lines.join('\n') + '\n';
  if (Buffer.byteLength(whole) <= maxBytes) return whole;
  const note = (left: number) => `\n> Cut at ${maxBytes} bytes (GitHub step summaries hold 1 MiB): ${left} more line(s). report.html and report.json have every scenario.\n`;
  const closing = '\n</details>\n';
  const budget = maxBytes - Buffer.byteLength(note(lines.length) + closing);
  let used = 0;
  let kept = 0;
  while (kept < lines.length && used + Buffer.byteLength(lines[kept]!) + 1 <= budget) used += Buffer.byteLength(lines[kept++]!) + 1;
  const head = lines.slice(0, kept);
  const inDetails = head.some((line) => line.startsWith('<details')) && !head.includes('</details>');
  return head.join('\n') + '\n' + (inDetails ? closing : '') + note(lines.length - kept);
}
