import type { Scenario } from './scenario-schema.ts';

/** Typed identity for TypeScript scenario files: `export default defineScenario({ … })`. */
export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
