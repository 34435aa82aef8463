import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { CONFIG_ENV } from '../config/index.ts';
import { ExitCode } from './exit-codes.ts';
import { commonFolder } from './common-folder.ts';
import { escapeGlob, globBase, isGlob } from './glob-pattern.ts';
import type { ResolvedRun } from './resolve-run.ts';
import { prepareOutDir } from './run-options.ts';
import { RunInterrupt } from './run-interrupt.ts';
import { nativeHarnessModules } from './run-scenarios.ts';

/**
 * `run --watch`: vitest's watch mode on the scenario files, for authoring. A changed scenario
 * reruns, a new one in a watched folder runs; the reports are rewritten after every run. Ctrl-C
 * (or `q` in a terminal) stops the workers and their fakes and exits 130.
 */
export async function watchScenarios(run: ResolvedRun, interrupt: RunInterrupt): Promise<number> {
  const [{ createVitest, registerConsoleShortcuts }, { PartnerHarnessReporter }, { scenarioPlugin }] = await Promise.all([
    import('vitest/node'),
    import('../reports/index.ts'),
    import('../scenario/vitest/scenario-plugin.ts'),
  ]);
  const { options } = run;
  await prepareOutDir(options.outDir);
  process.env.PARTNER_HARNESS_MODE = options.mode;
  process.env.PARTNER_HARNESS_RUNTIME = options.runtime;
  if (run.config) process.env[CONFIG_ENV] = run.config.file;
  const root = commonFolder(run.sources.map(folderOf));
  const vitest = await RunInterrupt.withoutOwnSignalHandling(() =>
    createVitest(
      'test',
      {
        config: false,
        root,
        include: run.sources.map((source) => includePattern(source, root)),
        watch: true,
        pool: 'forks',
        maxWorkers: options.workers,
        testNamePattern: options.filter,
        passWithNoTests: true,
        server: { deps: { external: nativeHarnessModules() } },
        reporters: ['default', new PartnerHarnessReporter({ outDir: options.outDir, mode: options.mode, runtime: options.runtime, probes: options.probes })],
      },
      { plugins: [scenarioPlugin()], cacheDir: join(tmpdir(), 'partner-harness-vite') },
    ),
  );
  const stopped = new Promise<void>((resolve) => interrupt.whenInterrupted(resolve));
  // In a terminal vitest's keys work (h help, a rerun all, q quit, Ctrl-C); it exits itself on q.
  const removeShortcuts = process.stdin.isTTY ? registerConsoleShortcuts(vitest, process.stdin, process.stdout) : undefined;
  try {
    await vitest.start();
    await stopped;
  } finally {
    removeShortcuts?.();
    await vitest.close();
  }
  return ExitCode.Interrupted;
}

/** A vitest include pattern (relative to root) for a scenario file, folder or glob. */
function includePattern(source: string, root: string): string {
  if (isGlob(source)) return relative(root, source);
  const path = escapeGlob(relative(root, source));
  return /\.(ya?ml|scenario\.ts)$/.test(source) ? path : `${path ? `${path}/` : ''}**/*.{yaml,yml,scenario.ts}`;
}

function folderOf(source: string): string {
  if (isGlob(source)) return globBase(source);
  return /\.(ya?ml|scenario\.ts)$/.test(source) ? dirname(source) : source;
}
