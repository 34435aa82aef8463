import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { formatPath, hint, listAllowed, type FieldIssue } from '../../core/errors/index.ts';
import { ConfigError } from './config-error.ts';
import type { CONFIG_KEYS as ConfigKeys } from './config-schema.ts';
import { importConfigModule } from './import-config-module.ts';
import type { LoadedConfig, PartnerHarnessConfig } from './partner-harness-config.ts';

/** The names the CLI looks for in the current folder, in this order. */
export const CONFIG_FILE_NAMES = ['partner-harness.config.ts', 'partner-harness.config.mts', 'partner-harness.config.js', 'partner-harness.config.mjs'] as const;

/** Set by the CLI for scenario workers: the absolute path of the run's config file. */
export const CONFIG_ENV = 'PARTNER_HARNESS_CONFIG';

/** The config file in `dir`, or undefined when there is none. */
export function findConfigFile(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
}

export interface LoadConfigOptions {
  /**
   * Imports the config module by file URL, where the caller already has a module loader that
   * compiles TypeScript (a vitest worker's `import()`), instead of starting Vite's for it.
   */
  importModule?: (url: string) => Promise<unknown>;
}

/** Imports and validates a config file; every problem is a ConfigError naming the field and the fix. */
export async function loadConfig(file: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const absolute = resolve(file);
  let raw: unknown;
  try {
    raw = options.importModule ? ((await options.importModule(pathToFileURL(absolute).href)) as { default?: unknown }).default : await importConfigModule(absolute);
  } catch (cause) {
    throw new ConfigError(absolute, [{ path: '', message: `cannot be loaded (${(cause as Error)?.message ?? String(cause)})` }], { cause });
  }
  if (raw === undefined) throw new ConfigError(absolute, [{ path: '', message: 'it has no default export: write `export default defineConfig({ … })`' }]);
  // zod loads only for a run that has a config (start-up cost of every other run).
  const { CONFIG_KEYS, configSchema } = await import('./config-schema.ts');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(absolute, parsed.error.issues.flatMap((issue) => toFieldIssues(issue, CONFIG_KEYS)));
  // The user's own values (their fake kinds included), not zod's copy.
  const config = raw as PartnerHarnessConfig;
  const dir = dirname(absolute);
  const inDir = (path: string) => (isAbsolute(path) ? path : join(dir, path));
  return { file: absolute, dir, config, scenarios: config.scenarios?.map(inDir), outDir: config.outDir && inDir(config.outDir) };
}

/** The config the CLI passed to this scenario worker, or undefined when the run has none. */
export async function loadConfigFromEnv(options: LoadConfigOptions = {}): Promise<LoadedConfig | undefined> {
  const file = process.env[CONFIG_ENV];
  return file ? loadConfig(file, options) : undefined;
}

function toFieldIssues(issue: z.core.$ZodIssue, CONFIG_KEYS: typeof ConfigKeys): FieldIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: `unknown field: remove it or check the spelling.${issue.path.length === 0 ? hint(key, CONFIG_KEYS) : ''} Fields: ${listAllowed(CONFIG_KEYS)}`,
    }));
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
}
