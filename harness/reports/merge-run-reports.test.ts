import { describe, expect, it } from 'vitest';
import { mergeRunReports, ShardSetError, type ShardReport } from './merge-run-reports.ts';
import { databaseProfile, sftpProfile } from './probe-profile-test-helpers.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry, type ScenarioState } from './run-report.ts';

function entry(file: string, state: ScenarioState = 'passed'): ScenarioReportEntry {
  return { name: `scenario in ${file}`, file, state, durationMs: 10, errors: [] };
}

function shard(index: number, count: number, scenarios: ScenarioReportEntry[], overrides: Partial<RunReport> = {}, totalFiles = 4): ShardReport {
  const files = [...new Set(scenarios.map((scenario) => scenario.file))];
  return {
    dir: `out/shard-${index}`,
    report: {
      tool: 'partner-harness',
      startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
      durationMs: 1000 * index,
      mode: 'emulated',
      runtime: 'embedded',
      totals: totalsOf(scenarios),
      scenarios,
      shard: { index, count, files, totalFiles },
      ...overrides,
    },
  };
}

const one = shard(1, 2, [entry('a.yaml'), entry('b.yaml', 'failed')]);
const two = shard(2, 2, [entry('c.yaml', 'invalid'), entry('d.yaml', 'skipped')]);

function problemsOf(shards: ShardReport[]): string {
  try {
    mergeRunReports(shards);
  } catch (error) {
    expect(error).toBeInstanceOf(ShardSetError);
    expect((error as ShardSetError).code).toBe('SHARD_SET_INVALID');
    return (error as Error).message;
  }
  throw new Error('merged a set it should refuse');
}

describe('mergeRunReports', () => {
  it('lists every scenario once in shard order and sums the totals, whatever order the shards come in', () => {
    const merged = mergeRunReports([two, one]);
    expect(merged.scenarios.map((scenario) => scenario.file)).toEqual(['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml']);
    expect(merged.totals).toEqual({ passed: 1, failed: 1, invalid: 1, skipped: 1, total: 4 });
    expect(merged.mergedFrom?.map((from) => from.shard)).toEqual(['1/2', '2/2']);
    expect(merged.shard).toBeUndefined();
  });

  it("keeps the run's versions", () => {
    const versions = { partnerHarness: '1.2.3', node: 'v20.0.0' };
    expect(mergeRunReports([{ ...one, report: { ...one.report, versions } }, two]).versions).toEqual(versions);
  });

  it('spans from the first shard start to the last shard end', () => {
    const merged = mergeRunReports([one, two]);
    expect(merged.startedAt).toBe('2026-01-01T00:00:01.000Z');
    // shard 2 starts 1 s after shard 1 and takes 2 s: 3 s in all.
    expect(merged.durationMs).toBe(3000);
  });

  it('carries an interrupt and the errors outside scenarios of any shard', () => {
    const merged = mergeRunReports([one, { ...two, report: { ...two.report, interrupted: true, unhandledErrors: ['Error: worker exited'] } }]);
    expect(merged.interrupted).toBe(true);
    expect(merged.unhandledErrors).toEqual(['Error: worker exited']);
  });

  it('keeps each probe profile once: the same target probed at the same time, given to every shard, is one', () => {
    const acme = sftpProfile();
    const reprobed = sftpProfile({ probedAt: '2026-03-05T00:00:00.000Z' });
    const db = databaseProfile();
    const merged = mergeRunReports([{ ...two, report: { ...two.report, probes: [db, acme] } }, { ...one, report: { ...one.report, probes: [acme, reprobed] } }]);
    // Shard order: shard 1's first, then what shard 2 adds.
    expect(merged.probes).toEqual([acme, reprobed, db]);
  });

  it('has no probes when no shard has any (older reports stay as they were)', () => {
    expect(mergeRunReports([one, two])).not.toHaveProperty('probes');
  });

  it('refuses the same shard twice, naming both folders', () => {
    const message = problemsOf([one, { ...one, dir: 'elsewhere' }, two]);
    expect(message).toContain('overlapping: shard 1/2 is given twice (out/shard-1, elsewhere)');
  });

  it('refuses a set with a shard missing', () => {
    const message = problemsOf([shard(1, 3, [entry('a.yaml')], {}, 3), shard(3, 3, [entry('c.yaml')], {}, 3)]);
    expect(message).toContain('incomplete: shard 2/3 missing (given: 1/3 in out/shard-1, 3/3 in out/shard-3)');
  });

  it('refuses a scenario file that ran in two shards', () => {
    const message = problemsOf([one, shard(2, 2, [entry('b.yaml'), entry('c.yaml')])]);
    expect(message).toContain('overlapping: the file b.yaml ran in more than one shard (out/shard-1, out/shard-2)');
    expect(message).toContain('overlapping: the scenario b.yaml › scenario in b.yaml is in more than one report');
  });

  it('refuses shards of different runs: another n, another mode, another set of files', () => {
    expect(problemsOf([one, shard(2, 3, [entry('c.yaml')])])).toContain('mixed runs, different number of shards (n of --shard i/n): 2 in out/shard-1; 3 in out/shard-2');
    expect(problemsOf([one, { ...two, report: { ...two.report, mode: 'aws' } }])).toContain('mixed runs, different mode: emulated in out/shard-1; aws in out/shard-2');
    expect(problemsOf([one, shard(2, 2, [entry('c.yaml')], {}, 5)])).toContain('different number of scenario files');
  });

  it('refuses shards that together ran fewer files than the run has', () => {
    expect(problemsOf([one, shard(2, 2, [entry('c.yaml')])])).toContain('incomplete: the shards ran 3 file(s), the run has 4');
  });

  it('refuses a report that is not a shard', () => {
    const { shard: _, ...whole } = one.report;
    expect(problemsOf([{ dir: 'out/full', report: whole }, two])).toContain("out/full: not a shard's report (it was not run with --shard i/n)");
  });
});
