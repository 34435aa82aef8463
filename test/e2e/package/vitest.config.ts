// The consumer's own vitest config: its tests and its YAML scenarios in one run.
import { defineConfig } from 'vitest/config';
import { partnerHarness } from 'partner-harness/vitest';

export default defineConfig({
  plugins: [partnerHarness()],
  test: { include: ['*.spec.ts', 'own/**/*.yaml'] },
});
