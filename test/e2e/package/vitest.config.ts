// The consumer's own vitest config: its tests and its YAML scenarios in one run, under its config.
import { defineConfig } from 'vitest/config';
import { partnerHarness } from 'partner-harness/vitest';

export default defineConfig({
  plugins: [partnerHarness({ config: 'kit.config.ts' })],
  test: { include: ['*.spec.ts', 'own/**/*.yaml'] },
});
