import { stripVTControlCharacters } from 'node:util';
import type { TestCase, TestModule } from 'vitest/node';
import type { ScenarioMeta } from '../scenario/vitest/scenario-meta.ts';
import { Redactor } from '../redaction/index.ts';
import { totalsOf, type CapturedOutput, type RunReport, type ScenarioReportEntry } from './run-report.ts';
import { toolVersions } from './tool-versions.ts';

export interface CollectOptions {
  startedAt: Date;
  mode: RunReport['mode'];
  runtime: string;
  /** The run was cancelled: only scenarios that finished are reported. */
  interrupted?: boolean;
  /** Console output per vitest test id, as the worker sent it (already redacted there). */
  output?: ReadonlyMap<string, CapturedOutput[]>;
  unhandledErrors?: ReadonlyArray<{ name?: string; message?: string }>;
}

/** Builds the run report from vitest's finished test modules. */
export function collectRunReport(modules: ReadonlyArray<TestModule>, options: CollectOptions): RunReport {
  const { startedAt, mode, runtime, interrupted = false } = options;
  const scenarios: ScenarioReportEntry[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const entry = scenarioEntry(test, module, options);
      if (entry) scenarios.push(entry);
    }
    // A file that failed before registering its test (a .scenario.ts that does not load).
    if (module.children.size === 0 && module.state() === 'failed' && !interrupted) {
      scenarios.push({
        name: module.relativeModuleId,
        file: module.relativeModuleId,
        state: 'invalid',
        durationMs: 0,
        errors: module.errors().map((error) => safe(error.message)),
      });
    }
  }
  const unhandledErrors = (options.unhandledErrors ?? []).map((error) => safe(`${error.name ?? 'Error'}: ${error.message ?? ''}`));
  return {
    tool: 'partner-harness',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    mode,
    runtime,
    versions: toolVersions(),
    ...(interrupted ? { interrupted: true } : {}),
    ...(unhandledErrors.length > 0 ? { unhandledErrors } : {}),
    totals: totalsOf(scenarios),
    scenarios,
  };
}

function scenarioEntry(test: TestCase, module: TestModule, { interrupted, output }: CollectOptions): ScenarioReportEntry | undefined {
  // Every scenario test sets its meta once it has an outcome (result, invalid file or skip
  // reason). None means it never ran: filtered out by -t, or stopped by an interrupt.
  const meta = (test.meta() as ScenarioMeta).partnerHarness;
  const result = test.result();
  if (interrupted && !meta) return undefined;
  const filteredOut = !meta && result.state === 'skipped';
  const state = meta?.invalid ? 'invalid' : result.state === 'passed' ? 'passed' : result.state === 'skipped' ? 'skipped' : 'failed';
  const captured = output?.get(test.id);
  return {
    name: test.name,
    file: module.relativeModuleId,
    state,
    durationMs: Math.round(test.diagnostic()?.duration ?? 0),
    result: meta?.result,
    invalid: meta?.invalid,
    skipReason: meta?.skipReason ?? (filteredOut ? 'not selected by the name filter (-t)' : undefined),
    ...(filteredOut ? { filteredOut: true } : {}),
    // Scenario errors are built from redacted values; masking sensitive keys again costs nothing.
    errors: (result.errors ?? []).map((error) => safe(error.message)),
    ...(captured && captured.length > 0 ? { output: captured } : {}),
  };
}

/** Redacted, and without vitest's colour codes: a report is read in a browser or a file, not a terminal. */
function safe(text: string): string {
  return new Redactor().redactString(stripVTControlCharacters(text));
}
