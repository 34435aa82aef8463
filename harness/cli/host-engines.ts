import { readFile, stat } from 'node:fs/promises';
import type { DbEngine } from '../../fakes/db/db-types.ts';
import type { StartedEngineHost } from '../../fakes/db/engine-host/engine-host.ts';
import { ENGINE_HOST_ENV } from '../../fakes/db/engine-host/engine-host-protocol.ts';
import type { FakeRuntime } from '../scenario/fakes/runtime-choice.ts';

/** A scenario file that names a database kind of fake (YAML `kind: postgres`, TypeScript `kind: 'mysql'`). */
const DATABASE_KIND = /\bkind:\s*["']?(postgres|mysql)\b/g;
/** Scenario files are small; a larger one is not read for this hint. */
const MAX_HINT_BYTES = 1024 * 1024;

/**
 * The run's database engines, hosted in this process for all its workers (fakes/db/engine-host):
 * one engine per kind and settings for the run instead of one per worker. The engines the
 * scenario files name are started at once, while vitest and its workers start; that is a hint
 * read from the files' text, and a wrong one costs only an engine nobody leases. The workers find
 * the host in PARTNER_HARNESS_ENGINE_HOST; stop() restores it and stops the engines.
 */
export async function hostEngines(files: readonly string[], runtime: FakeRuntime): Promise<{ stop(): Promise<void> } | undefined> {
  // In containers each fake has its own engine; nothing to share.
  if (runtime === 'container') return undefined;
  const { EngineHost } = await import('../../fakes/db/engine-host/engine-host.ts');
  const host: StartedEngineHost = await EngineHost.start();
  const before = process.env[ENGINE_HOST_ENV];
  process.env[ENGINE_HOST_ENV] = host.path;
  // MariaDB has no embedded runtime: its fakes run the system's engine (process).
  for (const engine of await enginesNamedIn(files)) host.prestart(engine, engine === 'mysql' ? 'process' : runtime);
  return {
    stop: async () => {
      if (before === undefined) delete process.env[ENGINE_HOST_ENV];
      else process.env[ENGINE_HOST_ENV] = before;
      await host.stop();
    },
  };
}

async function enginesNamedIn(files: readonly string[]): Promise<Set<DbEngine>> {
  const engines = new Set<DbEngine>();
  for (const file of files) {
    const size = await stat(file).then((found) => found.size, () => Infinity);
    if (size > MAX_HINT_BYTES) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const [, kind] of text.matchAll(DATABASE_KIND)) engines.add(kind === 'postgres' ? 'postgresql' : 'mysql');
    if (engines.size === 2) break;
  }
  return engines;
}
