import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { markdownEscape } from './markdown-escape.ts';
import { databaseProfile, sftpProfile } from './probe-profile-test-helpers.ts';
import { renderMarkdown } from './render-markdown.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

function result(overrides: Partial<ScenarioResult>): ScenarioResult {
  return { name: 'x', mode: 'emulated', operation: 'transfer:TestConnection', passed: true, expectations: [], fakes: {}, transcripts: {}, durationMs: 5, ...overrides };
}

function report(scenarios: ScenarioReportEntry[]): RunReport {
  return { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 2345, mode: 'emulated', runtime: 'embedded', totals: totalsOf(scenarios), scenarios };
}

const passed: ScenarioReportEntry = {
  name: 'Password login succeeds',
  file: 'transfer/01.yaml',
  state: 'passed',
  durationMs: 40,
  errors: [],
  result: result({ fakes: { partner: { kind: 'sftp', runtime: 'process' }, db: { kind: 'postgres', runtime: 'container' } } }),
};
const failed: ScenarioReportEntry = {
  name: 'Wrong | password `rejected`',
  file: 'transfer/10.yaml',
  state: 'failed',
  durationMs: 50,
  errors: [],
  result: result({
    passed: false,
    fakes: { partner: { kind: 'sftp', runtime: 'embedded' } },
    expectations: [
      { field: 'Status', expected: 'ERROR', actual: 'ERROR', passed: true },
      { field: 'StatusMessage', expected: 'Auth failed', actual: 'Authentication failed | <b>x</b>', passed: false },
      { field: 'HostKey', expected: '(absent)', actual: undefined, passed: false },
    ],
  }),
};
const invalid: ScenarioReportEntry = {
  name: 'broken.yaml',
  file: 'broken.yaml',
  state: 'invalid',
  durationMs: 1,
  errors: [],
  invalid: { file: 'broken.yaml', issues: [{ path: 'when', message: 'Required' }] },
};

/** The cells of a Markdown table row, split where GitHub splits them: at a `|` not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

describe('renderMarkdown', () => {
  it('starts with the totals, mode, runtime and time', () => {
    const lines = renderMarkdown(report([passed, failed, invalid])).split('\n');
    expect(lines[0]).toBe('## partner-harness: ❌ 1 passed, 1 failed, 1 invalid, 0 skipped (3 scenario(s))');
    expect(lines[2]).toBe('Mode emulated, runtime embedded, 2.3 s, started 2026-01-02T03:04:05.000Z.');
  });

  it('lists failures first, one row per missed expectation with expected vs actual, then invalid files with the reason', () => {
    const text = renderMarkdown(report([passed, failed, invalid]));
    const failureRows = text.split('### Failures (2)')[1]!.split('<details')[0]!.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    expect(failureRows.slice(1).map(cells)).toEqual([
      ['❌ Wrong \\| password \\`rejected\\`', 'transfer/10.yaml', 'StatusMessage', 'Auth failed', 'Authentication failed \\| &lt;b&gt;x&lt;/b&gt;'],
      ['❌ Wrong \\| password \\`rejected\\`', 'transfer/10.yaml', 'HostKey', '(absent)', '(absent)'],
      ['⚠️ broken.yaml', 'broken.yaml', 'invalid file', '', 'when: Required'],
    ]);
    expect(text.indexOf('### Failures')).toBeLessThan(text.indexOf('All scenarios'));
  });

  it('keeps a table row at five cells whatever a name holds', () => {
    const hostile = { ...failed, name: 'a | b | `c` \n d <details> *e*' };
    for (const row of renderMarkdown(report([hostile])).split('\n').filter((line) => line.startsWith('| '))) expect(cells(row)).toHaveLength(5);
  });

  it('writes control characters from a name or an answer as escapes, so printing the summary cannot drive a terminal', () => {
    const hostile = { ...failed, name: 'evil \u001b[2J\u009b31m name\r' };
    const text = renderMarkdown(report([hostile]));
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(text).toContain('evil \\u001b\\[2J\\u009b31m name\\u000d');
  });

  it('names the runtime of each fake of each scenario, failures first', () => {
    const rows = renderMarkdown(report([passed, failed])).split('All scenarios (2)')[1]!.split('\n').filter((line) => /^\| (✅|❌)/.test(line));
    expect(rows.map(cells)).toEqual([
      ['❌', 'Wrong \\| password \\`rejected\\`', 'transfer:TestConnection', 'partner: sftp (embedded)', '0.05 s'],
      ['✅', 'Password login succeeds', 'transfer:TestConnection', 'partner: sftp (process), db: postgres (container)', '0.04 s'],
    ]);
  });

  it('shows the partners probed as one compact table after the summary: per partner, the policies or settings that pass, fail and were not predicted', () => {
    const hostileTarget = sftpProfile({ target: 'sftp://acme@host|<b>x</b>:22' });
    const text = renderMarkdown({ ...report([passed, failed]), probes: [hostileTarget, databaseProfile()] });
    const section = text.split('### Partners probed (2)')[1]!.split('### Failures')[0]!;
    const rows = section.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
    expect(rows.map(cells)).toEqual([
      ['Partner', 'Probed', '✅ OK', '❌ ERROR', '⏭️ Not predicted'],
      ['sftp://acme@host\\|&lt;b&gt;x&lt;/b&gt;:22', '2026-03-04T05:06:07.000Z', 'TransferSFTPConnectorSecurityPolicy-2024-03', 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10, TransferSFTPConnectorSecurityPolicy-2023-07', ''],
      ['jdbc:postgresql://db.acme.example:5432/orders', '2026-03-04T05:07:08.000Z', 'driver-default', 'enforce-ssl', 'enforce-ssl+custom-cert'],
    ]);
    expect(section).toContain('report.html');
    expect(text.indexOf('### Partners probed')).toBeGreaterThan(text.indexOf('Mode emulated'));
    expect(renderMarkdown(report([passed]))).not.toContain('Partners probed');
  });

  it('says when it is a merge of shards', () => {
    const merged = { ...report([passed]), mergedFrom: [{ shard: '1/2', startedAt: '', durationMs: 1 }, { shard: '2/2', startedAt: '', durationMs: 1 }] };
    expect(renderMarkdown(merged)).toContain(', 2 shard(s) merged,');
  });

  it('is cut at a line under the byte limit, with a note and the details block closed', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...passed, name: `Scenario ${i} ${'é'.repeat(40)}` }));
    const text = renderMarkdown(report(many), { maxBytes: 20_000 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    expect(text).toMatch(/\n<\/details>\n\n> Cut at 20000 bytes \(GitHub step summaries hold 1 MiB\): \d+ more line\(s\)\./);
    expect(renderMarkdown(report(many)).length).toBeGreaterThan(100_000);
    expect(renderMarkdown(report(many))).not.toContain('Cut at');
  });
});

describe('markdownEscape', () => {
  it('escapes what would end a cell or open markup, and folds lines', () => {
    expect(markdownEscape('a|b`c`*d*_e_[f](g)<h>&~i\\\nj')).toBe('a\\|b\\`c\\`\\*d\\*\\_e\\_\\[f\\](g)&lt;h&gt;&amp;\\~i\\\\<br>j');
  });

  it('cuts long values', () => {
    expect(markdownEscape('x'.repeat(500), 10)).toBe('xxxxxxxxxx…');
  });
});
