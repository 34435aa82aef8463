import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, Vitest } from 'vitest/node';
import { HeapGrowthLimit, openRunShare } from '../../core/process/index.ts';
import type { RunReport } from '../reports/index.ts';
import { commonFolder } from './common-folder.ts';
import { escapeGlob } from './glob-pattern.ts';
import { hostEngines } from './host-engines.ts';
import { PrewarmedFork } from './prewarmed-fork.ts';
import type { RunOptions } from './run-options.ts';
import { RunInterrupt } from './run-interrupt.ts';

/**
 * Runs the scenario files through vitest (each file is one test module, see scenario-plugin.ts)
 * and returns the run report, or undefined when the run was interrupted before it started.
 */
export async function runScenarios(files: string[], options: RunOptions, interrupt: RunInterrupt): Promise<RunReport | undefined> {
  process.env.PARTNER_HARNESS_MODE = options.mode;
  process.env.PARTNER_HARNESS_RUNTIME = options.runtime;
  // Named to the workers before they start: they lease their database engines from this process,
  // and take the keys another worker generated from the run's share.
  const share = openRunShare();
  const engines = hostEngines(files, options.runtime);
  let prewarmed: PrewarmedFork | undefined;
  try {
    // Then each worker loads the scenario modules while vitest loads here. As many as vitest will
    // start: a one-file run starts one.
    const expectedFiles = options.shard ? Math.ceil(files.length / options.shard.count) : files.length;
    prewarmed = PrewarmedFork.start(Math.max(1, Math.min(expectedFiles, options.workers)));
    interrupt.onForcedExit(() => prewarmed?.stop());
    return await runWithVitest(files, options, interrupt, prewarmed);
  } finally {
    prewarmed?.stop();
    await engines?.stop();
    share.close();
  }
}

async function runWithVitest(files: string[], options: RunOptions, interrupt: RunInterrupt, prewarmed: PrewarmedFork | undefined): Promise<RunReport | undefined> {
  // Loaded only once the arguments are known good: vitest takes a second to import.
  const [{ createVitest, ForksPoolWorker }, { PartnerHarnessReporter, blobReportFile, removeUnfinishedWrites }, { scenarioPlugin }] = await Promise.all([
    import('vitest/node'),
    import('../reports/index.ts'),
    import('../scenario/vitest/scenario-plugin.ts'),
  ]);
  const quiet = options.print === false;
  const shard = options.shard && { ...options.shard, totalFiles: files.length };
  const reporter = new PartnerHarnessReporter({ outDir: options.outDir, mode: options.mode, runtime: options.runtime, shard, probes: options.probes, write: quiet ? () => undefined : undefined });
  // A shard also writes vitest's blob, so `vitest --merge-reports` can merge the shards as well as `partner-harness merge-reports`.
  const blob: Array<['blob', { outputFile: string }]> = shard ? [['blob', { outputFile: blobReportFile(options.outDir, shard) }]] : [];
  // The folder then holds this run's reports or none, never an earlier run's.
  await reporter.removePreviousReports();
  if (interrupt.interrupted) return undefined;
  const root = commonFolder(files.map((file) => dirname(file)));
  let vitest: Vitest | undefined;
  const stop = () => void (vitest && stopNow(vitest));
  // A signal that comes while vitest starts its run is seen again once files are queued, because
  // vitest resets its cancel state when a run begins.
  const cancelLateStart: Reporter = { onTestModuleQueued: () => (interrupt.interrupted ? stop() : undefined) };
  // This process holds every result until the reports are written: its heap is collected as it grows, not left to double.
  const heapGrowth = new HeapGrowthLimit();
  const boundHeap: Reporter = { onTestCaseResult: () => void heapGrowth.check() };
  vitest = await RunInterrupt.withoutOwnSignalHandling(() =>
    createVitest(
      'test',
      {
        config: false,
        root,
        include: files.map((file) => escapeGlob(relative(root, file))),
        watch: false,
        pool: prewarmed?.pool(ForksPoolWorker) ?? 'forks',
        // Scenarios share no module state, so one worker can reuse the SDK and ssh2 imports.
        isolate: false,
        maxWorkers: options.workers,
        testNamePattern: options.filter,
        shard: options.shard && `${options.shard.index}/${options.shard.count}`,
        // The CLI says itself when nothing was selected (run-command.ts).
        passWithNoTests: true,
        reporters: [...(quiet ? [] : ['default' as const]), reporter, ...blob, cancelLateStart, boundHeap],
        server: { deps: { external: nativeHarnessModules() } },
      },
      // Vite would otherwise create node_modules/.vite inside the scenario folder. A cache, kept.
      { plugins: [scenarioPlugin()], cacheDir: join(tmpdir(), 'partner-harness-vite') },
    ),
  );
  // vitest's per-run folder under os.tmpdir() (transformed modules for the forks pool).
  const vitestTemp = [...new Set(vitest.projects.map((project) => project.tmpDir))];
  interrupt.onForcedExit(() => {
    removeUnfinishedWrites();
    for (const dir of vitestTemp) rmSync(dir, { recursive: true, force: true });
  });
  interrupt.whenInterrupted(stop);
  try {
    if (!interrupt.interrupted) await vitest.start();
  } finally {
    await vitest.close();
    // close() removes it while workers may still be writing into it; make sure it is gone.
    await Promise.all(vitestTemp.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 })));
  }
  return reporter.getReport();
}

/**
 * Cancels the run and stops its workers now. vitest's first cancel lets running tests finish (a
 * scenario may wait a minute on a partner that never answers); the second stops the worker
 * processes, whose exit hooks stop the fakes and engines inside them.
 */
async function stopNow(vitest: Vitest): Promise<void> {
  await Promise.allSettled([vitest.cancelCurrentRun('keyboard-input'), vitest.cancelCurrentRun('keyboard-input')]);
}

/**
 * The built harness (dist/) is plain JavaScript: the workers import it natively, as they do
 * anything under node_modules, instead of through Vite's transform, which took most of a
 * one-scenario run's time. From the TypeScript sources (this repository's tests) it is left to
 * Vite, which compiles it.
 */
export function nativeHarnessModules(): RegExp[] {
  if (!import.meta.url.endsWith('.js')) return [];
  const built = fileURLToPath(new URL('../../', import.meta.url));
  return [new RegExp(`^${built.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)];
}
