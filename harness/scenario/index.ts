export { defineScenario } from './define-scenario.ts';
export type { Scenario, ParsedScenario } from './scenario-schema.ts';
export { loadScenarioFile } from './load-scenario-file.ts';
export { ScenarioFileError } from './scenario-file-error.ts';
export { runScenario, type ScenarioResult } from './run-scenario.ts';
export { ScenarioEnvironment } from './scenario-environment.ts';
export { scenarioPlugin } from './vitest/scenario-plugin.ts';
