import { resolve } from 'node:path';
import type { Plugin } from 'vitest/config';
import { CONFIG_ENV, findConfigFile } from '../../config/load-config.ts';
import type { FakeRuntime } from '../../scenario/fakes/runtime-choice.ts';
import { scenarioPlugin } from '../../scenario/vitest/scenario-plugin.ts';

export interface PartnerHarnessPluginOptions {
  /** How the scenarios' fakes run. Default: embedded. */
  runtime?: FakeRuntime;
  /** emulated (the local endpoint, default) or aws (real AWS with the default credentials). */
  mode?: 'emulated' | 'aws';
  /**
   * The partner-harness config whose fake kinds the scenarios may use. Default:
   * partner-harness.config.{ts,mts,js,mjs} in the vitest root, if there is one; `false` for none.
   */
  config?: string | false;
}

/**
 * Runs partner-harness scenario files (YAML, `.scenario.ts`) as tests of your own vitest
 * project: each file is one test, with vitest's filters, watch mode, sharding and reporters.
 *
 * ```ts
 * // vitest.config.ts
 * import { defineConfig } from 'vitest/config';
 * import { partnerHarness } from 'partner-harness/vitest';
 * export default defineConfig({ plugins: [partnerHarness()], test: { include: ['scenarios/**\/*.yaml'] } });
 * ```
 */
export function partnerHarness(options: PartnerHarnessPluginOptions = {}): Plugin {
  return {
    ...scenarioPlugin(),
    name: 'partner-harness',
    // The scenario workers read these (register-scenario-file.ts); vitest sets them in every worker.
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const configFile = options.config === false ? undefined : options.config ? resolve(root, options.config) : findConfigFile(root);
      const env: Record<string, string> = {
        PARTNER_HARNESS_RUNTIME: options.runtime ?? 'embedded',
        PARTNER_HARNESS_MODE: options.mode ?? 'emulated',
        ...(configFile ? { [CONFIG_ENV]: configFile } : {}),
        // As the CLI does: the SDK's Node 20 notice would print once per worker; README states the Node range.
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'true',
      };
      return { test: { env } };
    },
  };
}
