import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { renderJunit } from './render-junit.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

function result(overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return { name: 'x', mode: 'emulated', operation: 'transfer:TestConnection', passed: true, expectations: [], fakes: {}, transcripts: {}, durationMs: 5, ...overrides };
}

function report(scenarios: ScenarioReportEntry[], extra: Partial<RunReport> = {}): RunReport {
  return { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 1234, mode: 'emulated', runtime: 'embedded', totals: totalsOf(scenarios), scenarios, ...extra };
}

const passed: ScenarioReportEntry = { name: 'Login succeeds', file: 'a.yaml', state: 'passed', durationMs: 40, errors: [], result: result() };
const failed: ScenarioReportEntry = {
  name: 'Wrong <password> & "quotes"',
  file: 'a.yaml',
  state: 'failed',
  durationMs: 1500,
  errors: [],
  result: result({ passed: false, expectations: [{ field: 'Status', expected: 'OK', actual: 'ERROR', passed: false }] }),
  output: [
    { stream: 'stdout', text: 'printed \u001b[32mgreen\u001b[39m\u0000 <tag>\n' },
    { stream: 'stderr', text: 'warned\n' },
  ],
};
const invalid: ScenarioReportEntry = {
  name: 'b.yaml (invalid scenario file)',
  file: 'b.yaml',
  state: 'invalid',
  durationMs: 1,
  errors: [],
  invalid: { file: 'b.yaml', issues: [{ path: 'when', message: 'Required' }] },
};
const skipped: ScenarioReportEntry = { name: 'Needs mariadbd', file: 'c.yaml', state: 'skipped', durationMs: 0, errors: [], skipReason: 'mariadbd is not installed' };

describe('renderJunit', () => {
  it('has one testsuite per file and one testcase per scenario, with totals', () => {
    const xml = renderJunit(report([passed, failed, invalid, skipped]));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="partner-harness" tests="4" failures="1" errors="1" skipped="1" time="1.234">')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toMatch(/<testsuite name="a.yaml" [^>]*tests="2" failures="1" errors="0" skipped="0" time="1.540">/);
    expect(xml).toContain('<testcase classname="a.yaml" name="Login succeeds" time="0.040"/>');
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('says why: the missed expectation as a failure, the field issues as an error, the skip reason', () => {
    const xml = renderJunit(report([failed, invalid, skipped]));
    expect(xml).toContain('<failure message="Status: expected &quot;OK&quot;, got &quot;ERROR&quot;" type="ScenarioFailure">Status: expected "OK", got "ERROR"</failure>');
    expect(xml).toContain('<error message="when: Required" type="ScenarioFileError">when: Required</error>');
    expect(xml).toContain('<skipped message="mariadbd is not installed"/>');
  });

  it('escapes names and output, and drops terminal colours and characters XML cannot hold', () => {
    const xml = renderJunit(report([failed]));
    expect(xml).toContain('name="Wrong &lt;password&gt; &amp; &quot;quotes&quot;"');
    expect(xml).toContain('<system-out>printed green &lt;tag&gt;\n</system-out>');
    expect(xml).toContain('<system-err>warned\n</system-err>');
    expect(xml).not.toMatch(/[\u0000\u001b]/);
  });

  it('marks an interrupted run, listing only what finished', () => {
    const xml = renderJunit(report([passed], { interrupted: true }));
    expect(xml).toContain('<!-- The run was interrupted: only the scenarios that finished are listed. -->');
    expect(xml.match(/<testcase /g)).toHaveLength(1);
  });

  it('is a valid document for a run with no scenarios', () => {
    expect(renderJunit(report([]))).toBe(
      '<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="partner-harness" tests="0" failures="0" errors="0" skipped="0" time="1.234">\n</testsuites>\n',
    );
  });
});
