import { describe, expect, it } from 'vitest';
import { runReportJson } from './run-report-json.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

function report(scenarios: ScenarioReportEntry[], extra: Partial<RunReport> = {}): RunReport {
  return { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 1234, mode: 'emulated', runtime: 'embedded', totals: totalsOf(scenarios), scenarios, ...extra };
}

const hostile: ScenarioReportEntry = {
  name: 'Line\nbreak, "quotes", </script> and \u2028',
  file: 'a.yaml',
  state: 'failed',
  durationMs: 3,
  errors: ['first\nsecond'],
  result: {
    name: 'x',
    mode: 'emulated',
    operation: 'transfer:TestConnection',
    passed: false,
    expectations: [{ field: 'Status', expected: 'OK', actual: { nested: ['a', null, 1] }, passed: false }],
    fakes: {},
    transcripts: { partner: [{ at: 1, kind: 'auth', detail: { method: 'password', result: 'rejected' } }] },
    durationMs: 3,
  },
  skipReason: undefined,
  output: [{ stream: 'stdout', text: 'printed\n' }],
};
const skipped: ScenarioReportEntry = { name: 'Needs mariadbd', file: 'b.yaml', state: 'skipped', durationMs: 0, errors: [], skipReason: 'mariadbd is not installed' };

describe('runReportJson', () => {
  it.each([
    ['scenarios and fields left undefined', report([hostile, skipped], { interrupted: undefined, unhandledErrors: ['worker crashed'] })],
    ['no scenarios', report([])],
    ['a shard with empty and full arrays after the scenarios', report([skipped], { shard: { index: 1, count: 2, files: ['b.yaml'], totalFiles: 2 }, mergedFrom: [] })],
  ])('writes exactly what JSON.stringify(report, null, 2) does: %s', (_, run) => {
    expect([...runReportJson(run)].join('')).toBe(`${JSON.stringify(run, null, 2)}\n`);
  });

  it('gives each scenario as its own piece', () => {
    const run = report(Array.from({ length: 10 }, () => skipped));
    const pieces = [...runReportJson(run)];
    expect(pieces.filter((piece) => piece.includes('"skipReason": "mariadbd is not installed"'))).toHaveLength(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(JSON.stringify(run, null, 2).length / 5);
  });
});
