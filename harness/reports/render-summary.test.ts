import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { renderSummary } from './render-summary.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

function result(overrides: Partial<ScenarioResult>): ScenarioResult {
  return {
    name: 'x',
    mode: 'emulated',
    operation: 'transfer:TestConnection',
    passed: true,
    expectations: [],
    fakes: {},
    transcripts: {},
    durationMs: 5,
    ...overrides,
  };
}

function report(scenarios: ScenarioReportEntry[], durationMs = 2345): RunReport {
  return { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs, mode: 'emulated', runtime: 'process', totals: totalsOf(scenarios), scenarios };
}

const passedEntry: ScenarioReportEntry = {
  name: 'Password login succeeds',
  file: 'scenarios/01.yaml',
  state: 'passed',
  durationMs: 40,
  errors: [],
  result: result({
    response: { Status: 'OK', StatusMessage: 'Connection succeeded' },
    emulator: {
      requestId: 'r-1',
      httpStatus: 200,
      transcript: [],
      diagnosis: [],
      messages: [{ id: 'transfer.test-connection.succeeded', text: 'Connection succeeded', provenance: 'documented', source: 'doc' }],
    },
  }),
};

const failedEntry: ScenarioReportEntry = {
  name: 'Wrong password is rejected',
  file: 'scenarios/10.yaml',
  state: 'failed',
  durationMs: 50,
  errors: [],
  result: result({
    passed: false,
    response: { Status: 'ERROR', StatusMessage: 'Authentication failed for user partner (tried: password)' },
    expectations: [
      { field: 'Status', expected: 'ERROR', actual: 'ERROR', passed: true },
      { field: 'StatusMessage', expected: 'Auth failed', actual: 'Authentication failed for user partner (tried: password)', passed: false },
      { field: 'SftpConnectionDetails.HostKey', expected: '(absent)', actual: undefined, passed: false },
    ],
  }),
};

const invalidEntry: ScenarioReportEntry = {
  name: 'broken.yaml',
  file: 'scenarios/broken.yaml',
  state: 'invalid',
  durationMs: 1,
  errors: [],
  invalid: {
    file: 'scenarios/broken.yaml',
    issues: [
      { path: 'given.fakes.partner.users[0].password', message: 'Invalid input' },
      { path: '', message: 'YAML syntax: bad indentation' },
    ],
  },
};

const skippedEntry: ScenarioReportEntry = { name: 'Needs real AWS', file: 'scenarios/x.yaml', state: 'skipped', durationMs: 0, errors: [] };

const errorEntry: ScenarioReportEntry = {
  name: 'Unknown connector',
  file: 'scenarios/23.yaml',
  state: 'failed',
  durationMs: 3,
  errors: [],
  result: result({
    operation: 'transfer:DescribeConnector',
    passed: false,
    error: { name: 'ResourceNotFoundException', message: 'Unknown connector', httpStatus: 400 },
    setupError: "given.connectors.acme.Url: cannot resolve {{ fakes.x.url }}: 'fakes.x' does not exist",
  }),
};

describe('renderSummary', () => {
  it('prints a header, one line per scenario with its mark, and the totals last', () => {
    const scenarios = [passedEntry, failedEntry, invalidEntry, skippedEntry];
    const lines = renderSummary(report(scenarios)).split('\n');
    expect(lines[1]).toBe('partner-harness: 4 scenario(s) in 2.3s (emulated, runtime process)');
    const scenarioLines = lines.filter((line) => /^ {2}\S/.test(line));
    expect(scenarioLines.map((line) => line.slice(2, 4))).toEqual(['✓ ', '✗ ', '! ', '- ']);
    expect(scenarioLines.map((line) => line.slice(4).split('  [')[0])).toEqual(scenarios.map((s) => s.name));
    expect(lines.at(-2)).toBe('1 passed, 1 failed, 1 invalid, 1 skipped');
    expect(lines.at(-1)).toBe('');
  });

  it('shows the answer and the provenance of its message for TestConnection', () => {
    const summary = renderSummary(report([passedEntry]));
    expect(summary).toContain('  ✓ Password login succeeds  [transfer:TestConnection → OK "Connection succeeded" (documented)]');
  });

  it('prints the harness\'s diagnosis beside AWS\'s answer, on its own line', () => {
    const diagnosed = { ...passedEntry, result: { ...passedEntry.result!, emulator: { ...passedEntry.result!.emulator!, diagnosis: [{ code: 'host-key-mismatch', text: 'The server showed ssh-rsa AAAA', fix: 'Trust it' }] } } };
    const lines = renderSummary(report([diagnosed])).split('\n');
    const at = lines.findIndex((line) => line.includes('✓ Password login succeeds'));
    expect(lines[at]).toContain('→ OK "Connection succeeded" (documented)]');
    expect(lines[at + 1]).toBe('      diagnosis: host-key-mismatch: The server showed ssh-rsa AAAA Fix: Trust it');
  });

  it('writes control characters from names, answers and diagnoses as escapes: none reaches the terminal', () => {
    const evil = '\u001b[2J\u001b]0;title\u0007\u009b31m\u2028';
    const hostile: ScenarioReportEntry = {
      ...passedEntry,
      name: `merged ${evil}`,
      result: {
        ...passedEntry.result!,
        response: { Status: 'ERROR', StatusMessage: `partner said ${evil}` },
        emulator: { ...passedEntry.result!.emulator!, diagnosis: [{ code: 'c', text: `banner ${evil}`, fix: 'none' }] },
      },
    };
    const summary = renderSummary({ ...report([hostile]), unhandledErrors: [`boom ${evil}`] });
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    const escaped = '\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u2028';
    for (const shown of [`merged ${escaped}`, `partner said ${escaped}`, `banner ${escaped}`, `boom ${escaped}`]) expect(summary).toContain(shown);
  });

  it('lists each failed expectation under a failing scenario, not the passed ones', () => {
    const lines = renderSummary(report([failedEntry])).split('\n');
    const at = lines.findIndex((line) => line.includes('✗ Wrong password is rejected'));
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '      StatusMessage: expected "Auth failed", got "Authentication failed for user partner (tried: password)"',
      '      SftpConnectionDetails.HostKey: expected "(absent)", got null',
    ]);
    expect(lines.some((line) => line.includes('Status: expected "ERROR"'))).toBe(false);
  });

  it('lists the field issues of an invalid file', () => {
    const summary = renderSummary(report([invalidEntry]));
    expect(summary).toContain('      given.fakes.partner.users[0].password: Invalid input\n');
    expect(summary).toContain('      (file): YAML syntax: bad indentation\n');
  });

  it('names the exception and the setup error of a scenario that could not run', () => {
    const summary = renderSummary(report([errorEntry]));
    expect(summary).toContain('  ✗ Unknown connector  [transfer:DescribeConnector → ResourceNotFoundException]');
    expect(summary).toContain(`      could not run: ${errorEntry.result!.setupError}`);
  });

  it('falls back to the first lines of errors when there is no result', () => {
    const crashed: ScenarioReportEntry = {
      ...skippedEntry,
      name: 'Crashed',
      state: 'failed',
      errors: ['Error: boom\n    at a\n    at b\n    at c'],
    };
    const summary = renderSummary(report([crashed]));
    expect(summary).toContain('      Error: boom\n          at a\n          at b\n');
    expect(summary).not.toContain('at c');
  });

  it('lists the report files when given', () => {
    const summary = renderSummary(report([passedEntry]), ['reports/out/report.html', 'reports/out/report.json']);
    expect(summary.trimEnd().split('\n').at(-1)).toBe('Reports: reports/out/report.html, reports/out/report.json');
  });

  it('counts totals from the entries', () => {
    const totals = totalsOf([passedEntry, passedEntry, failedEntry, errorEntry, invalidEntry]);
    expect(totals).toEqual({ passed: 2, failed: 2, invalid: 1, skipped: 0, total: 5 });
    expect(renderSummary(report([passedEntry, passedEntry, failedEntry, errorEntry, invalidEntry]))).toContain(
      '\n2 passed, 2 failed, 1 invalid, 0 skipped\n',
    );
  });

  it('says when the run was interrupted, and folds scenarios the name filter left out into one line', () => {
    const filtered: ScenarioReportEntry = { ...skippedEntry, name: 'Other', filteredOut: true, skipReason: 'not selected by the name filter (-t)' };
    const summary = renderSummary({ ...report([passedEntry, filtered, { ...filtered, name: 'Third' }]), interrupted: true });
    expect(summary).toContain('\nInterrupted: only the scenarios that finished before the interrupt are listed.\n');
    expect(summary).toContain('\n  - 2 scenario(s) not selected by the name filter (-t)\n');
    expect(summary).not.toContain('Other');
    expect(summary).toContain('\n1 passed, 0 failed, 0 invalid, 2 skipped\n');
  });

  it('lists errors that happened outside any scenario', () => {
    const summary = renderSummary({ ...report([passedEntry]), unhandledErrors: ['Error: worker exited\n    at x'] });
    expect(summary).toContain('\n  ! error outside any scenario: Error: worker exited\n');
  });
});
