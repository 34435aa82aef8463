import { hostname } from 'node:os';
import type { RunReport, ScenarioReportEntry } from './run-report.ts';
import { diagnosisLines } from './diagnosis-lines.ts';
import { scenarioProblems } from './scenario-problems.ts';
import { xmlAttr as attr, xmlText as text } from '../../core/xml/index.ts';

/**
 * JUnit XML for CI, from the same (redacted) run report as the JSON and HTML: one testsuite per
 * scenario file, one testcase per scenario. Failed scenarios are `<failure>`, invalid files
 * `<error>`, skipped ones `<skipped>` with the reason; captured console output goes to
 * `<system-out>`/`<system-err>`.
 */
export function renderJunit(report: RunReport): string {
  return [...renderJunitParts(report)].join('');
}

/** The XML in pieces, one per scenario file, for writing a run of thousands without one huge string. */
export function* renderJunitParts(report: RunReport): Generator<string> {
  const files = new Map<string, ScenarioReportEntry[]>();
  for (const scenario of report.scenarios) {
    const same = files.get(scenario.file);
    if (same) same.push(scenario);
    else files.set(scenario.file, [scenario]);
  }
  const { total, failed, invalid, skipped } = report.totals;
  yield '<?xml version="1.0" encoding="UTF-8" ?>\n';
  if (report.interrupted) yield '<!-- The run was interrupted: only the scenarios that finished are listed. -->\n';
  yield `<testsuites name="partner-harness" tests="${total}" failures="${failed}" errors="${invalid}" skipped="${skipped}" time="${seconds(report.durationMs)}">\n`;
  for (const [file, scenarios] of files) yield testsuite(file, scenarios, report.startedAt).join('\n') + '\n';
  yield '</testsuites>\n';
}

function testsuite(file: string, scenarios: ScenarioReportEntry[], startedAt: string): string[] {
  const count = (state: string) => scenarios.filter((s) => s.state === state).length;
  const time = seconds(scenarios.reduce((sum, s) => sum + s.durationMs, 0));
  return [
    `  <testsuite name="${attr(file)}" timestamp="${attr(startedAt)}" hostname="${attr(hostname())}" tests="${scenarios.length}" failures="${count('failed')}" errors="${count('invalid')}" skipped="${count('skipped')}" time="${time}">`,
    ...scenarios.flatMap(testcase),
    '  </testsuite>',
  ];
}

function testcase(scenario: ScenarioReportEntry): string[] {
  const open = `    <testcase classname="${attr(scenario.file)}" name="${attr(scenario.name)}" time="${seconds(scenario.durationMs)}"`;
  const body: string[] = [];
  const problems = [...scenarioProblems(scenario, { errorLines: 50 }), ...diagnosisLines(scenario)].join('\n');
  if (scenario.state === 'failed') body.push(`      <failure message="${attr(firstLine(problems, 'scenario failed'))}" type="ScenarioFailure">${text(problems)}</failure>`);
  if (scenario.state === 'invalid') body.push(`      <error message="${attr(firstLine(problems, 'invalid scenario file'))}" type="ScenarioFileError">${text(problems)}</error>`);
  if (scenario.state === 'skipped') body.push(`      <skipped${scenario.skipReason ? ` message="${attr(scenario.skipReason)}"` : ''}/>`);
  // A passing scenario's diagnosis (why the answer it expected is an error) goes with its output.
  const diagnosis = scenario.state === 'failed' ? '' : diagnosisLines(scenario).map((line) => `${line}\n`).join('');
  for (const stream of ['stdout', 'stderr'] as const) {
    const printed = (stream === 'stdout' ? diagnosis : '') + (scenario.output ?? []).filter((o) => o.stream === stream).map((o) => o.text).join('');
    if (printed) body.push(`      <system-${stream.slice(3)}>${text(printed)}</system-${stream.slice(3)}>`);
  }
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

function firstLine(text: string, fallback: string): string {
  return text.split('\n')[0] || fallback;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
