import type { ParsedScenario } from '../scenario-schema.ts';
import type { FakeRuntime } from './runtime-choice.ts';
import { dbUnavailableReason } from './start-db-fake.ts';

/**
 * Why this machine cannot give a scenario the fakes it needs (a system engine that is not
 * installed), or undefined. Such a scenario is reported as skipped with this reason, never passed.
 */
export function unavailableReason(scenario: ParsedScenario, runDefault: FakeRuntime): string | undefined {
  for (const [name, fake] of Object.entries(scenario.given.fakes)) {
    if (fake.kind === 'postgres' || fake.kind === 'mysql') {
      const reason = dbUnavailableReason(fake, runDefault);
      if (reason) return `fake ${name}: ${reason}`;
    }
  }
  return undefined;
}
