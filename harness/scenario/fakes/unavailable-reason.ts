import type { ParsedScenario } from '../scenario-schema.ts';
import { FAKE_KINDS } from './fake-kinds.ts';
import type { FakeKindRegistry } from './fake-kind-registry.ts';
import type { FakeRuntime } from './runtime-choice.ts';

/**
 * Why this machine cannot give a scenario the fakes it needs (a system engine that is not
 * installed), or undefined. Such a scenario is reported as skipped with this reason, never passed.
 */
export function unavailableReason(scenario: ParsedScenario, runDefault: FakeRuntime, kinds: FakeKindRegistry = FAKE_KINDS): string | undefined {
  for (const [name, fake] of Object.entries(scenario.given.fakes)) {
    const reason = kinds.unavailableReason(fake, runDefault);
    if (reason) return `fake ${name}: ${reason}`;
  }
  return undefined;
}
