import { configDefaults, defineConfig } from 'vitest/config';
import { scenarioPlugin } from './harness/scenario/vitest/scenario-plugin.ts';

// The SDK's Node 20 deprecation notice would print in every worker; README states the Node range.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Container-runtime tests need a Docker engine (scripts/docker/ensure-dockerd.sh). CI always
// runs them and fails without one; elsewhere they are left out, and this says so.
const withContainers = Boolean(process.env.DOCKER_HOST) || process.env.CI === 'true';
if (!withContainers) console.warn('partner-harness: DOCKER_HOST is not set, so the container-runtime tests (*-container.test.ts) are not run');

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['core/**/*.test.ts', 'harness/**/*.test.ts', 'fakes/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...(withContainers ? [] : ['**/*-container.test.ts'])],
          testTimeout: 30_000,
          // GitHub's workflow parser imports its schema JSON without an import attribute, which
          // Node 20 refuses natively; through Vite it loads (ci-templates.test.ts).
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        // The shipped catalogue: each scenario file is one test (see scenario-plugin.ts).
        extends: true,
        plugins: [scenarioPlugin()],
        test: {
          name: 'scenarios',
          include: ['scenarios/**/*.{yaml,yml}', 'scenarios/**/*.scenario.ts'],
          pool: 'forks',
          // Scenarios share no module state, so one worker can reuse the SDK and ssh2 imports.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
