import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { charDiff } from './char-diff.ts';
import { HTML_BASE_STYLE } from './html-base-style.ts';
import { htmlEscape as escape } from './html-escape.ts';
import { HTML_REPORT_SCRIPT } from './html-report-script.ts';
import { HTML_REPORT_STYLE } from './html-report-style.ts';
import { POLICY_MATRIX_STYLE } from './policy-matrix-style.ts';
import { renderProbesSection } from './render-policy-matrix.ts';
import { renderTimeline } from './render-timeline.ts';
import { reproduceCommands } from './reproduce-commands.ts';
import type { RunReport, ScenarioReportEntry, ScenarioState } from './run-report.ts';

/** The order scenarios are listed in: what needs a reader's attention first. */
const STATE_ORDER: ScenarioState[] = ['failed', 'invalid', 'skipped', 'passed'];

/**
 * The run as a self-contained page (inline style and script, nothing fetched): failures first,
 * filters and a search box, expected and actual side by side with their differences marked, the
 * harness's diagnosis beside AWS's answer, transcripts as timelines, and the commands that
 * reproduce each scenario; the partners probed (`run --profile`) as policy matrices above them.
 * Every value from the run is escaped; the report is already redacted.
 */
export function renderHtml(report: RunReport): string {
  return [...renderHtmlParts(report)].join('');
}

/** The page in pieces, one per scenario, for writing a run of thousands without one huge string. */
export function* renderHtmlParts(report: RunReport): Generator<string> {
  const scenarios = [...report.scenarios].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state));
  yield `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>partner-harness report</title>
<style>
${HTML_BASE_STYLE}
${HTML_REPORT_STYLE}
${report.probes?.length ? POLICY_MATRIX_STYLE : ''}
</style></head><body>
<h1>partner-harness report</h1>
${renderTotals(report)}
${renderRunDetails(report)}
${report.interrupted ? '<p class="failed">Interrupted: only the scenarios that finished before the interrupt are listed.</p>\n' : ''}${(report.unhandledErrors ?? []).map((error) => `<p class="failed">Error outside any scenario:</p><pre>${escape(error)}</pre>\n`).join('')}${renderProbesSection(report.probes ?? [])}
${renderToolbar(report)}
<main>
`;
  for (const [index, scenario] of scenarios.entries()) yield `${index > 0 ? '\n' : ''}${renderScenario(scenario, index, report)}`;
  yield `
</main>
<script>
${HTML_REPORT_SCRIPT}
</script>
</body></html>
`;
}

function renderTotals({ totals }: RunReport): string {
  const { passed, failed, invalid, skipped, total } = totals;
  return `<p class="totals"><span>${total} scenario(s)</span><span class="passed">${passed} passed</span><span class="failed">${failed} failed</span><span class="invalid">${invalid} invalid</span><span class="skipped">${skipped} skipped</span></p>`;
}

function renderRunDetails(report: RunReport): string {
  const fakeRuntimes = new Map<string, number>();
  for (const scenario of report.scenarios) {
    for (const fake of Object.values(scenario.result?.fakes ?? {})) fakeRuntimes.set(fake.runtime, (fakeRuntimes.get(fake.runtime) ?? 0) + 1);
  }
  const items: Array<[string, string]> = [
    ['mode', report.mode],
    ['runtime', report.runtime],
    ['fakes by runtime', fakeRuntimes.size === 0 ? 'none' : [...fakeRuntimes].map(([runtime, count]) => `${runtime} × ${count}`).join(', ')],
    ['started', report.startedAt],
    ['duration', `${report.durationMs} ms`],
  ];
  if (report.versions) items.push(['partner-harness', report.versions.partnerHarness], ['node', report.versions.node]);
  return `<div class="run">${items.map(([name, value]) => `<span>${escape(name)} <b>${escape(value)}</b></span>`).join('')}</div>`;
}

/** Hidden until the script runs: without JavaScript the page lists every scenario, unfiltered. */
function renderToolbar(report: RunReport): string {
  const results = report.scenarios.map((s) => s.result).filter((r): r is ScenarioResult => r !== undefined);
  const states = STATE_ORDER.filter((state) => report.totals[state] > 0).map((state): [string, string] => [state, `${state} (${report.totals[state]})`]);
  const filters: Array<[string, string, Array<[string, string]>]> = [
    ['state', 'Status', states],
    ['operation', 'Operation', distinct(results.map((r) => r.operation))],
    ['tag', 'Tag', distinct(results.flatMap((r) => r.tags ?? []))],
    ['runtime', 'Runtime', distinct(results.flatMap(runtimesOf))],
  ];
  const selects = filters
    .filter(([, , options]) => options.length > 0)
    .map(([filter, label, options]) => {
      const items = options.map(([value, text]) => `<option value="${escape(value)}">${escape(text)}</option>`).join('');
      return `<label>${label} <select data-filter="${filter}" id="filter-${filter}"><option value="">all</option>${items}</select></label>`;
    });
  return `<div id="toolbar" class="toolbar" role="search" hidden><input type="search" id="search" placeholder="Search names, files, messages, transcripts" aria-label="Search">${selects.join('')}<span id="count" class="count"></span></div>`;
}

function renderScenario(scenario: ScenarioReportEntry, index: number, report: RunReport): string {
  const result = scenario.result;
  const data = [
    ['state', scenario.state],
    ['operation', result?.operation ?? ''],
    ['tag', (result?.tags ?? []).join('|')],
    ['runtime', result ? runtimesOf(result).join('|') : ''],
  ]
    .map(([name, value]) => ` data-${name}="${escape(value!)}"`)
    .join('');
  const meta = [result?.operation, scenario.file, `${scenario.durationMs} ms`].filter((part): part is string => Boolean(part));
  const summary = `<summary><span class="state ${scenario.state}">${scenario.state.toUpperCase()}</span><span class="name">${escape(scenario.name)}</span><span class="meta">${meta.map(escape).join(' · ')}</span></summary>`;
  const open = scenario.state === 'failed' || scenario.state === 'invalid' ? ' open' : '';
  return `<details class="scenario" id="scenario-${index}"${data}${open}>${summary}\n<div class="body">\n${scenarioBody(scenario, report).join('\n')}\n</div></details>`;
}

function scenarioBody(scenario: ScenarioReportEntry, report: RunReport): string[] {
  const result = scenario.result;
  const parts: string[] = [];
  if (scenario.skipReason) parts.push(`<p class="skipped">Skipped: ${escape(scenario.skipReason)}</p>`);
  if (scenario.invalid) parts.push(table(['Field', 'Problem'], scenario.invalid.issues.map((i) => [i.path || '(file)', i.message])));
  if (result?.setupError) parts.push(`<p class="problem">Could not run: ${escape(result.setupError)}</p>`);
  if (!result && scenario.errors.length > 0) parts.push(`<pre class="problem">${escape(scenario.errors.join('\n'))}</pre>`);
  if (result) {
    if (result.expectations.length > 0) parts.push('<h4>Expected and actual</h4>', ...result.expectations.map(renderExpectation));
    parts.push(renderAnswer(result));
    const messages = result.emulator?.messages ?? [];
    if (messages.length > 0) {
      parts.push('<h4>Catalogue messages used</h4>', table(['Message id', 'Text', 'Provenance', 'Source'], messages.map((m) => [m.id, m.text, m.provenance, m.source])));
    }
  }
  parts.push(renderReproduce(scenario, report));
  if (result) {
    const fakes = Object.entries(result.fakes);
    if (fakes.length > 0) {
      parts.push('<h4>Fakes</h4>', table(['Fake', 'Kind', 'Runtime', 'Address'], fakes.map(([name, f]) => [name, f.kind, f.runtime, f.host === undefined ? '' : `${text(f.host)}:${text(f.port)}`])));
    }
    if (result.emulator) parts.push(renderTimeline(`Emulator (AWS side) · request ${result.emulator.requestId}`, result.emulator.transcript));
    for (const [name, transcript] of Object.entries(result.transcripts)) {
      const fake = result.fakes[name];
      parts.push(renderTimeline(`Fake ${name}${fake ? ` (${fake.kind}, ${fake.runtime})` : ''}`, transcript));
    }
    parts.push(block('Request', result.request));
    if (result.leftBehind?.length) parts.push('<h4>Left behind in AWS</h4>', `<pre class="problem">${escape(result.leftBehind.join('\n'))}</pre>`);
  }
  if (scenario.output) parts.push(`<h4>Console output</h4><pre>${escape(scenario.output.map((o) => o.text).join(''))}</pre>`);
  return parts.filter(Boolean);
}

/** One expectation: equal values on one line, differing ones side by side with the characters that differ marked. */
function renderExpectation(expectation: ScenarioResult['expectations'][number]): string {
  const expected = text(expectation.expected);
  const actual = text(expectation.actual);
  const mark = expectation.passed ? '✓' : '✗';
  const field = `<div class="field">${mark} ${escape(expectation.field)}</div>`;
  if (expectation.passed && expected === actual) return `<div class="expectation ok">${field}<pre>${escape(expected)}</pre></div>`;
  const diff = charDiff(expected, actual);
  const side = (hide: 'added' | 'removed', tag: 'del' | 'ins') =>
    diff
      .filter((part) => part.kind !== hide)
      .map((part) => (part.kind === 'same' ? escape(part.text) : `<${tag}>${escape(part.text)}</${tag}>`))
      .join('');
  return `<div class="expectation ${expectation.passed ? 'ok' : 'miss'}">${field}<div class="pair"><div><h5>Expected</h5><pre class="expected">${side('added', 'del')}</pre></div><div><h5>Actual</h5><pre class="actual">${side('removed', 'ins')}</pre></div></div></div>`;
}

/** AWS's answer as the SDK saw it, and beside it the harness's diagnosis: never mixed into the answer. */
function renderAnswer(result: ScenarioResult): string {
  const status = result.httpStatus ?? result.emulator?.httpStatus;
  const answer = `${status === undefined ? '' : `HTTP ${status}\n`}${JSON.stringify(result.error ?? result.response ?? null, null, 2)}`;
  const diagnoses = result.emulator?.diagnosis ?? [];
  const diagnosis =
    diagnoses.length > 0
      ? `<div class="diagnosis">${table(['Diagnosis', 'What the harness saw', 'Fix'], diagnoses.map((d) => [d.code, d.text, d.fix ?? '']))}</div>`
      : `<p class="skipped">${result.mode === 'aws' ? 'None: AWS answered, the harness diagnoses only emulated answers.' : 'None.'}</p>`;
  return `<div class="pair answer"><div><h4>AWS's answer</h4><pre>${escape(answer)}</pre></div><div><h4>Harness diagnosis</h4>${diagnosis}</div></div>`;
}

function renderReproduce(scenario: ScenarioReportEntry, report: RunReport): string {
  const { serve, awsCli, notes } = reproduceCommands(scenario, report);
  const seed = scenario.result?.seed;
  const lines = [serve && `<pre>${escape(serve)}</pre>`, awsCli && `<pre>${escape(awsCli)}</pre>`, ...notes.map((note) => `<p class="note">${escape(note)}</p>`)];
  if (seed !== undefined) lines.push(`<p class="note">Faker seed ${seed} (the scenario's <code>seed</code>): the same values on every run.</p>`);
  const shown = lines.filter(Boolean);
  return shown.length === 0 ? '' : `<div class="commands"><h4>Reproduce</h4>${shown.join('')}</div>`;
}

function runtimesOf(result: ScenarioResult): string[] {
  return distinct(Object.values(result.fakes).map((fake) => fake.runtime)).map(([runtime]) => runtime);
}

function distinct(values: string[]): Array<[string, string]> {
  return [...new Set(values)].sort().map((value) => [value, value]);
}

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '';
  const head = headers.map((h) => `<th>${escape(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function block(title: string, value: unknown): string {
  return `<h4>${escape(title)}</h4><pre>${escape(JSON.stringify(value ?? null, null, 2))}</pre>`;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value ?? null, null, 2) ?? String(value));
}
