import type { RunReport, ScenarioReportEntry } from './run-report.ts';
import { HTML_BASE_STYLE } from './html-base-style.ts';
import { htmlEscape as escape } from './html-escape.ts';

/** A self-contained HTML page: one collapsible section per scenario, transcripts included. */
export function renderHtml(report: RunReport): string {
  const { passed, failed, invalid, skipped, total } = report.totals;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>partner-harness report</title>
<style>
${HTML_BASE_STYLE}
summary{cursor:pointer;font-weight:600} .passed{color:#1a7f37} .failed,.invalid{color:#cf222e} .skipped{color:#6e7781}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:28rem} .prov{font-size:.8rem;color:#6e7781}
</style></head><body>
<h1>partner-harness report</h1>
<p class="totals"><span>${total} scenario(s)</span><span class="passed">${passed} passed</span><span class="failed">${failed} failed</span><span class="invalid">${invalid} invalid</span><span class="skipped">${skipped} skipped</span>
<span>mode ${escape(report.mode)}</span><span>runtime ${escape(report.runtime)}</span><span>started ${escape(report.startedAt)}</span><span>${report.durationMs} ms</span></p>
${report.interrupted ? '<p class="failed">Interrupted: only the scenarios that finished before the interrupt are listed.</p>\n' : ''}${(report.unhandledErrors ?? []).map((error) => `<p class="failed">Error outside any scenario:</p><pre>${escape(error)}</pre>\n`).join('')}${report.scenarios.map(renderScenario).join('\n')}
</body></html>
`;
}

function renderScenario(scenario: ScenarioReportEntry): string {
  const result = scenario.result;
  const parts = [`<p>${escape(scenario.file)} · ${scenario.durationMs} ms</p>`];
  if (scenario.skipReason) parts.push(`<p class="skipped">Skipped: ${escape(scenario.skipReason)}</p>`);
  if (scenario.invalid) {
    parts.push(table(['Field', 'Problem'], scenario.invalid.issues.map((i) => [i.path || '(file)', i.message])));
  }
  if (result) {
    parts.push(table(['Expectation', 'Expected', 'Actual', ''], result.expectations.map((e) => [e.field, json(e.expected), json(e.actual), e.passed ? '✓' : '✗'])));
    if (result.setupError) parts.push(`<p class="failed">Could not run: ${escape(result.setupError)}</p>`);
    const diagnoses = result.emulator?.diagnosis ?? [];
    if (diagnoses.length > 0) parts.push(table(['Diagnosis', 'What the harness saw', 'Fix'], diagnoses.map((d) => [d.code, d.text, d.fix ?? ''])));
    const messages = result.emulator?.messages ?? [];
    if (messages.length > 0) {
      parts.push(table(['Message id', 'Text', 'Provenance', 'Source'], messages.map((m) => [m.id, m.text, m.provenance, m.source])));
    }
    parts.push(block('Request', result.request), block('Response', result.error ?? result.response));
    parts.push(block('Fakes', result.fakes));
    if (result.emulator) parts.push(block('Emulator transcript', result.emulator.transcript));
    for (const [name, transcript] of Object.entries(result.transcripts)) parts.push(block(`Fake ${name} transcript`, transcript));
  }
  if (!result && scenario.errors.length > 0) parts.push(`<pre>${escape(scenario.errors.join('\n'))}</pre>`);
  if (scenario.output) parts.push(`<h4>Console output</h4><pre>${escape(scenario.output.map((o) => o.text).join(''))}</pre>`);
  return `<details${scenario.state === 'passed' ? '' : ' open'}><summary class="${scenario.state}">${scenario.state.toUpperCase()} · ${escape(scenario.name)}</summary>\n${parts.join('\n')}\n</details>`;
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

function json(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}
