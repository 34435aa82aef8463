import { stopSharedEngines } from '../../../fakes/db/shared-engines.ts';

/** The part of vitest's worker state used here: what runs when the pool tells the worker to stop. */
interface VitestWorkerState {
  onCleanup?(listener: () => Promise<void>): void;
}

let registered = false;

/**
 * Scenarios' database fakes share engines for the life of the vitest worker (fakes/db/shared-engines.ts).
 * vitest tells a worker to stop and kills it 500 ms after SIGTERM, too soon for the exit hooks to
 * remove several engines' data: so the engines stop on the worker's own cleanup, before that.
 * Outside a vitest worker the process's exit cleanup stops them.
 */
export function stopSharedEnginesWithWorker(): void {
  if (registered) return;
  const worker = (globalThis as { __vitest_worker__?: VitestWorkerState }).__vitest_worker__;
  if (typeof worker?.onCleanup !== 'function') return;
  worker.onCleanup(() => stopSharedEngines());
  registered = true;
}
