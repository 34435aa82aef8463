import { PartnerHarnessError } from '../../../core/errors/index.ts';
import { printableLines } from '../../../core/values/index.ts';
import type { ScenarioResult } from '../run-scenario.ts';

/**
 * A scenario whose outcome missed its expectations. The message is built from redacted values,
 * and vitest prints it: what a partner or AWS sent is written with its control characters escaped.
 */
export class ScenarioFailure extends PartnerHarnessError {
  declare readonly code: 'SCENARIO_FAILED';

  constructor(result: ScenarioResult) {
    super('SCENARIO_FAILED', printableLines(describe(result)));
  }
}

function describe(result: ScenarioResult): string {
  if (result.setupError) return `Scenario could not run: ${result.setupError}`;
  const misses = result.expectations
    .filter((e) => !e.passed)
    .map((e) => `  ${e.field}: expected ${show(e.expected)}, got ${show(e.actual)}`);
  return `${result.operation} did not answer as expected:\n${misses.join('\n')}`;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null);
}
