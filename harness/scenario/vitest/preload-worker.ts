/**
 * Imported (`--import`) into the vitest fork that the CLI starts before vitest itself is loaded
 * (harness/cli/prewarmed-fork.ts): it loads what scenarios need (the YAML and schema checks, the
 * emulator, the fakes, ssh2, zod, faker) on the machine's other core while the CLI starts vitest.
 * It only fills the module cache: the scenario's own imports then find these modules loaded.
 * Nothing here may import vitest, whose worker is not set up yet.
 */

// The CLI is gone before it handed this fork to vitest (an error, Ctrl-C): nothing to wait for.
process.once('disconnect', () => process.exit(130));

void Promise.all([import('../load-scenario-file.ts'), import('../run-scenario.ts'), import('./redact-worker-output.ts')]).catch(() => {
  // The scenario's own import of these modules reports any problem, in its test.
});
