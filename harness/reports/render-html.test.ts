import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { renderHtml } from './render-html.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

const XSS = '<script>alert("x")</script>';
const ESCAPED_XSS = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

function result(overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    name: 'x',
    mode: 'emulated',
    operation: 'transfer:TestConnection',
    passed: false,
    expectations: [],
    fakes: {},
    transcripts: {},
    durationMs: 5,
    ...overrides,
  };
}

function report(scenarios: ScenarioReportEntry[]): RunReport {
  return { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 1234, mode: 'emulated', runtime: 'process', totals: totalsOf(scenarios), scenarios };
}

const hostile: ScenarioReportEntry = {
  name: `Partner ${XSS}`,
  file: `scenarios/${XSS}.yaml`,
  state: 'failed',
  durationMs: 12,
  errors: [],
  result: result({
    request: { ConnectorId: 'c-0123456789abcdef0' },
    response: { Status: 'ERROR', StatusMessage: `Failed: ${XSS}` },
    expectations: [{ field: 'StatusMessage', expected: `Ok ${XSS}`, actual: `Failed: ${XSS}`, passed: false }],
    emulator: {
      requestId: 'req-1',
      httpStatus: 200,
      transcript: [{ at: 1, kind: 'connect', detail: { banner: XSS } }],
      diagnosis: [{ code: 'host-key-mismatch', text: `The server showed ${XSS}`, fix: 'Trust the key' }],
      messages: [
        { id: 'transfer.test-connection.auth-failed', text: `Authentication failed for user ${XSS}`, provenance: 'inferred', source: 'No text found & inferred' },
        { id: 'transfer.test-connection.succeeded', text: 'Connection succeeded', provenance: 'user', source: 'user override' },
      ],
    },
    transcripts: { partner: [{ kind: 'auth', detail: { user: XSS } }] },
    setupError: `could not start ${XSS}`,
  }),
};

const passedEntry: ScenarioReportEntry = {
  name: 'Password login succeeds',
  file: 'scenarios/01.yaml',
  state: 'passed',
  durationMs: 40,
  errors: [],
  result: result({ passed: true, expectations: [{ field: 'Status', expected: 'OK', actual: 'OK', passed: true }] }),
};

const invalidEntry: ScenarioReportEntry = {
  name: 'broken.yaml',
  file: 'scenarios/broken.yaml',
  state: 'invalid',
  durationMs: 1,
  errors: [`Error: ${XSS}`],
  invalid: { file: 'scenarios/broken.yaml', issues: [{ path: 'when', message: `Required ${XSS}` }] },
};

describe('renderHtml', () => {
  it('escapes scenario names, files, messages, sources and transcripts', () => {
    const html = renderHtml(report([hostile, invalidEntry]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(XSS);
    expect(html).toContain(`FAILED · Partner ${ESCAPED_XSS}</summary>`);
    expect(html).toContain(`scenarios/${ESCAPED_XSS}.yaml`);
    expect(html).toContain(`<td>Authentication failed for user ${ESCAPED_XSS}</td>`);
    expect(html).toContain('<td>No text found &amp; inferred</td>');
    expect(html).toContain(`Could not run: could not start ${ESCAPED_XSS}`);
    expect(html).toContain(`<td>Required ${ESCAPED_XSS}</td>`);
    // JSON blocks: the JSON string escaping of the quotes happens first, then HTML escaping.
    expect(html).toContain('&lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt;');
  });

  it('shows the diagnosis in its own table, apart from AWS\'s answer, escaped', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<th>Diagnosis</th><th>What the harness saw</th><th>Fix</th>');
    expect(html).toContain('<td>host-key-mismatch</td><td>The server showed &lt;script&gt;');
  });

  it('shows the catalogue entries with their provenance in a table', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<th>Message id</th><th>Text</th><th>Provenance</th><th>Source</th>');
    const rows = [...html.matchAll(/<tr><td>(transfer\.[^<]+)<\/td><td>[^<]*<\/td><td>([^<]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['transfer.test-connection.auth-failed', 'inferred'],
      ['transfer.test-connection.succeeded', 'user'],
    ]);
  });

  it('shows expectations with a mark per row', () => {
    const html = renderHtml(report([hostile, passedEntry]));
    expect(html).toContain(`<tr><td>StatusMessage</td><td>Ok ${ESCAPED_XSS}</td><td>Failed: ${ESCAPED_XSS}</td><td>✗</td></tr>`);
    expect(html).toContain('<tr><td>Status</td><td>OK</td><td>OK</td><td>✓</td></tr>');
  });

  it('includes the emulator and fake transcripts', () => {
    const html = renderHtml(report([hostile]));
    expect(html).toContain('<h4>Emulator transcript</h4>');
    expect(html).toContain('<h4>Fake partner transcript</h4>');
    expect(html).toContain('&quot;kind&quot;: &quot;auth&quot;');
  });

  it('opens failing scenarios and folds passing ones', () => {
    const html = renderHtml(report([passedEntry, hostile]));
    expect(html).toContain('<details><summary class="passed">PASSED · Password login succeeds</summary>');
    expect(html).toMatch(/<details open><summary class="failed">FAILED · Partner /);
  });

  it('shows the totals and run details', () => {
    const html = renderHtml(report([passedEntry, hostile, invalidEntry]));
    expect(html).toContain('<span>3 scenario(s)</span><span class="passed">1 passed</span><span class="failed">1 failed</span>');
    expect(html).toContain('<span class="invalid">1 invalid</span><span class="skipped">0 skipped</span>');
    expect(html).toContain('started 2026-01-02T03:04:05.000Z');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('omits the message table when the emulator used no message', () => {
    expect(renderHtml(report([passedEntry]))).not.toContain('<th>Provenance</th>');
  });

  it('marks an interrupted run and shows captured console output, escaped', () => {
    const html = renderHtml({ ...report([{ ...passedEntry, output: [{ stream: 'stdout', text: `printed ${XSS}\n` }] }]), interrupted: true });
    expect(html).toContain('<p class="failed">Interrupted: only the scenarios that finished before the interrupt are listed.</p>');
    expect(html).toContain(`<h4>Console output</h4><pre>printed ${ESCAPED_XSS}\n</pre>`);
  });
});
