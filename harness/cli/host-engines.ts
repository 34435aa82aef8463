import { readFileSync, rmSync, statSync } from 'node:fs';
import createDebug from 'debug';
import { onProcessExit, setEnv } from '../../core/process/index.ts';
import type { DbEngine } from '../../fakes/db/db-types.ts';
import { ENGINE_HOST_ENV, newHostFolder } from '../../fakes/db/engine-host/engine-host-protocol.ts';
import type { FakeRuntime } from '../scenario/fakes/runtime-choice.ts';

const debug = createDebug('partner-harness:cli');

/** A scenario file that names a database kind of fake (YAML `kind: postgres`, TypeScript `kind: 'mysql'`). */
const DATABASE_KIND = /\bkind:\s*["']?(postgres|mysql)\b/g;
const MAX_SOCKET_PATH_BYTES = 103;
/** Scenario files are small; a larger one is not read for this hint. */
const MAX_HINT_BYTES = 1024 * 1024;

/**
 * The run's database engines, hosted in this process for all its workers (fakes/db/engine-host):
 * one engine per kind and settings for the run instead of one per worker, and those the scenario
 * files name started at once, while vitest and its workers start. Which those are is read from
 * the files' text; a run whose files name none hosts nothing (its workers, should a fake need an
 * engine after all, start their own), so it does not load the host. The socket's path is set in
 * PARTNER_HARNESS_ENGINE_HOST now, for the workers about to be forked; the host loads and
 * listens meanwhile. stop() restores the variable and stops the engines.
 */
export function hostEngines(files: readonly string[], runtime: FakeRuntime): { stop(): Promise<void> } | undefined {
  // In containers each fake has its own engine; nothing to share.
  if (runtime === 'container') return undefined;
  const engines = enginesNamedIn(files);
  if (engines.size === 0) return undefined;
  const noHost = (why: string) => debug('no database engine host, each worker starts its own engines: %s', why);
  let folder: { dir: string; path: string };
  try {
    folder = newHostFolder();
  } catch (error) {
    noHost((error as Error).message);
    return undefined;
  }
  const { dir, path } = folder;
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  // A socket's path has room for 107 bytes on Linux, 103 on macOS: a long TMPDIR leaves none.
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    removeDir();
    noHost(`the socket path ${path} is too long`);
    return undefined;
  }
  // Until the host owns the folder (and if it never starts).
  const unregister = onProcessExit(removeDir);
  const restoreEnv = setEnv(ENGINE_HOST_ENV, path);
  const host = (async () => {
    const { EngineHost } = await import('../../fakes/db/engine-host/engine-host.ts');
    const started = await EngineHost.start({ dir });
    // MariaDB has no embedded runtime: its fakes run the system's engine (process).
    for (const engine of engines) started.prestart(engine, engine === 'mysql' ? 'process' : runtime);
    return started;
  })().catch((error: Error) => {
    noHost(error.message);
    return undefined;
  });
  return {
    stop: async () => {
      restoreEnv();
      await (await host)?.stop();
      removeDir();
      unregister();
    },
  };
}

function enginesNamedIn(files: readonly string[]): Set<DbEngine> {
  const engines = new Set<DbEngine>();
  for (const file of files) {
    try {
      if (statSync(file).size > MAX_HINT_BYTES) continue;
      for (const [, kind] of readFileSync(file, 'utf8').matchAll(DATABASE_KIND)) engines.add(kind === 'postgres' ? 'postgresql' : 'mysql');
    } catch {
      // Unreadable: the run reports it; no hint from it.
    }
    if (engines.size === 2) break;
  }
  return engines;
}
