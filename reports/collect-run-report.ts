import type { TestModule } from 'vitest/node';
import type { ScenarioMeta } from '#harness/scenario/vitest/scenario-meta.ts';
import { Redactor } from '#harness/redaction/index.ts';
import { totalsOf, type RunReport, type ScenarioReportEntry } from './run-report.ts';

/** Builds the run report from vitest's finished test modules. */
export function collectRunReport(
  modules: ReadonlyArray<TestModule>,
  { startedAt, mode, runtime }: { startedAt: Date; mode: RunReport['mode']; runtime: string },
): RunReport {
  const scenarios: ScenarioReportEntry[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const meta = (test.meta() as ScenarioMeta).partnerHarness ?? {};
      const result = test.result();
      const state = meta.invalid ? 'invalid' : result.state === 'passed' ? 'passed' : result.state === 'skipped' ? 'skipped' : 'failed';
      scenarios.push({
        name: test.name,
        file: module.relativeModuleId,
        state,
        durationMs: Math.round(test.diagnostic()?.duration ?? 0),
        result: meta.result,
        invalid: meta.invalid,
        skipReason: meta.skipReason,
        // Scenario errors are built from redacted values; masking sensitive keys again costs nothing.
        errors: (result.errors ?? []).map((error) => new Redactor().redactString(error.message)),
      });
    }
    if (module.children.size === 0 && module.state() === 'failed') {
      scenarios.push({
        name: module.relativeModuleId,
        file: module.relativeModuleId,
        state: 'invalid',
        durationMs: 0,
        errors: module.errors().map((error) => error.message),
      });
    }
  }
  return {
    tool: 'partner-harness',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    mode,
    runtime,
    totals: totalsOf(scenarios),
    scenarios,
  };
}
