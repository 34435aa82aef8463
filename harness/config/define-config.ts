import type { PartnerHarnessConfig } from './partner-harness-config.ts';

/** Typed identity for `partner-harness.config.ts`: `export default defineConfig({ … })`. */
export function defineConfig(config: PartnerHarnessConfig): PartnerHarnessConfig {
  return config;
}
