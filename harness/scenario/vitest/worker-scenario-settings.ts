import { loadConfigFromEnv } from '../../config/load-config.ts';
import { importUserModule } from '../import-user-module.ts';
import { scenarioSettingsFromConfig, type ScenarioSettings } from '../scenario-settings-from-config.ts';

let settings: Promise<ScenarioSettings> | undefined;

/**
 * The settings of the config the CLI or the vitest plugin names to this worker, loaded once per
 * worker through Vite's own import (a TypeScript config compiles without starting a second
 * Vite): what scenario files and the kit's fixtures alike take from it.
 */
export function workerScenarioSettings(): Promise<ScenarioSettings> {
  settings ??= loadConfigFromEnv({ importModule: importUserModule }).then(scenarioSettingsFromConfig);
  return settings;
}
