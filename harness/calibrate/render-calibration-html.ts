import type { CalibrationAnswer } from './calibration-answer.ts';
import type { CalibrationEntry, CalibrationReport } from './calibration-report.ts';
import type { CalibrationDifference } from './compare-answers.ts';
import { HTML_BASE_STYLE } from '../reports/html-base-style.ts';
import { htmlEscape as escape } from '../reports/html-escape.ts';

/**
 * calibration.html: self-contained (no script, no external resource), one section per scenario
 * with the two answers side by side. Every value is escaped: the target's texts are not ours.
 */
export function renderCalibrationHtml(report: CalibrationReport): string {
  const { matched, different, error, skipped, total, observed } = report.totals;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>partner-harness calibration</title>
<style>
${HTML_BASE_STYLE}
summary{cursor:pointer;font-weight:600} .matched{color:#1a7f37} .different,.error{color:#cf222e} .skipped{color:#6e7781}
tr.differs td{background:#fff1f0} code{white-space:pre-wrap}
</style></head><body>
<h1>partner-harness calibration</h1>
<p class="totals"><span>target ${escape(report.target)}</span><span>region ${escape(report.region)}</span><span>started ${escape(report.startedAt)}</span><span>${report.durationMs} ms</span></p>
<p class="totals"><span>${total} scenario(s)</span><span class="matched">${matched} matched</span><span class="different">${different} different</span><span class="error">${error} could not run</span><span class="skipped">${skipped} skipped</span><span>${observed} text(s) observed</span></p>
${report.scenarios.map(renderEntry).join('\n')}
</body></html>
`;
}

const ASPECTS: Array<[label: string, read: (answer: CalibrationAnswer) => unknown, aspect: CalibrationDifference['aspect']]> = [
  ['Status', (a) => a.status, 'status'],
  ['Message', (a) => a.message, 'message'],
  ['Exception', (a) => a.exception, 'exception'],
  ['HTTP status', (a) => a.httpStatus, 'httpStatus'],
  ['Response members', (a) => a.shape.join(', '), 'shape'],
  ['Could not run', (a) => a.setupError, 'setup'],
];

function renderEntry(entry: CalibrationEntry): string {
  const parts = [`<p>${escape(entry.file)} · <code>${escape(entry.operation)}</code>${entry.message ? ` · text ${escape(entry.message)}` : ''}</p>`];
  if (entry.reason) parts.push(`<p class="${entry.verdict}">${escape(entry.reason)}</p>`);
  if (entry.emulated && entry.target) {
    const differing = new Set(entry.differences.map((d) => d.aspect));
    const rows = ASPECTS.map(([label, read, aspect]) => [label, read(entry.emulated!), read(entry.target!), aspect] as const).filter(([, a, b]) => a !== undefined || b !== undefined);
    parts.push(
      `<table><tr><th></th><th>emulated${entry.emulated.messageId ? ` (${escape(entry.emulated.messageId)}, ${escape(entry.emulated.provenance ?? '')})` : ''}</th><th>target</th></tr>\n` +
        rows.map(([label, a, b, aspect]) => `<tr${differing.has(aspect) ? ' class="differs"' : ''}><th>${escape(label)}</th><td><code>${cell(a)}</code></td><td><code>${cell(b)}</code></td></tr>`).join('\n') +
        '</table>',
    );
  }
  if (entry.observed) parts.push(`<p>Recorded in messages.observed.json as <code>${escape(entry.observed.id)}</code>: <code>${escape(entry.observed.template ?? entry.observed.text)}</code></p>`);
  for (const left of entry.leftBehind ?? []) parts.push(`<p class="error">Left on the target: ${escape(left)}</p>`);
  return `<details${entry.verdict === 'matched' || entry.verdict === 'skipped' ? '' : ' open'}><summary class="${entry.verdict}">${entry.verdict.toUpperCase()} · ${escape(entry.name)}</summary>\n${parts.join('\n')}\n</details>`;
}

function cell(value: unknown): string {
  return value === undefined ? '' : escape(typeof value === 'string' ? value : JSON.stringify(value));
}
