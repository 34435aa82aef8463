export { defineConfig } from './define-config.ts';
export type { LoadedConfig, PartnerHarnessConfig } from './partner-harness-config.ts';
export { CONFIG_ENV, CONFIG_FILE_NAMES, findConfigFile, loadConfig, loadConfigFromEnv, type LoadConfigOptions } from './load-config.ts';
export { ConfigError } from './config-error.ts';
