import createDebug from 'debug';
import type { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { DB_HOST } from './db-types.ts';
import type { EngineRecipe, EngineSharing } from './engine-recipe.ts';
import { launchEngine, startEngine, type RunningEngine } from './launch-engine.ts';
import type { ServingPort } from './started-db-fake-handle.ts';
import { onProcessExit } from '../../core/process/index.ts';

const log = createDebug('partner-harness:fake:db');

/** One engine serving fakes in turn; `names` are the users and databases its current fakes hold. */
interface SharedEngine {
  key: string;
  ready: Promise<RunningEngine<unknown>>;
  running?: RunningEngine<unknown>;
  names: Set<string>;
  /** The transcripts of the fakes it serves now: an unexpected exit is recorded in each. */
  tenants: Set<Transcript>;
  retired: boolean;
}

/** Per process (a vitest worker): engines by server settings, several only when fakes running at once need the same names. */
const pool: SharedEngine[] = [];
let unregisterSignalAll: () => void = () => undefined;

/**
 * Shared engines end with their process, where each engine's own exit hook kills it, waits and
 * removes its data, one after the other. vitest gives a worker 500 ms after SIGTERM, so this hook,
 * kept the latest registered (hooks run latest first), signals them all at once beforehand.
 */
function signalAllAtExit(): void {
  unregisterSignalAll();
  unregisterSignalAll = onProcessExit(() => {
    for (const shared of pool) shared.running?.signalExit();
  });
}

/** The server settings a shared engine is started with; fakes that agree on them share it. */
function keyOf(recipe: EngineRecipe<unknown, object>, config: DbFakeConfig): string {
  return [recipe.label, config.runtime, config.tls ? 'tls' : 'plain', config.requireTls ? 'required' : 'optional'].join('|');
}

/**
 * A fake's users and databases on an engine that other fakes with the same server settings share
 * (one per settings in this process, started on first use): created now, dropped by stop(). Only
 * this fake's users may connect to its databases, and nobody but the superuser to the engine's
 * own. The transcript names this fake's users and databases only; the engine's log, which could
 * name another fake's, is left out. Engines stay up for the next fake until stopSharedEngines()
 * or the end of the process (core/process exit cleanup). A recipe without `sharing` launches
 * its own engine as before.
 */
export async function leaseSharedEngine<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, config: DbFakeConfig, transcript: Transcript): Promise<ServingPort> {
  const sharing = recipe.sharing;
  if (!sharing) return launchEngine(recipe, config, transcript);
  const began = performance.now();
  const names = [...config.users.map((user) => `user:${user.name}`), ...config.databases.map((database) => `database:${database.name}`)];
  const shared = claim(recipe as EngineRecipe<unknown, object>, config, names);
  let engine: RunningEngine<Admin>;
  try {
    engine = (await shared.ready) as RunningEngine<Admin>;
  } catch (error) {
    retire(shared);
    throw error;
  }
  shared.tenants.add(transcript);
  const release = async () => {
    shared.tenants.delete(transcript);
    try {
      await dropAll(recipe, sharing, engine, config);
      for (const name of names) shared.names.delete(name);
    } catch (error) {
      // What could not be dropped must not meet the next fake: this engine serves no one else.
      log('%s shared engine on port %d retired: %s', recipe.label, engine.port, (error as Error).message);
      retire(shared);
      await engine.stop();
    }
  };
  try {
    transcript.record('engine', { version: engine.version, shared: true });
    const admin = await engine.admin();
    try {
      for (const user of config.users) {
        await recipe.createUser(admin, user, engine.ctx as never);
        transcript.record('user-created', { name: user.name, ...(user.superuser ? { superuser: true } : {}) });
      }
      for (const database of config.databases) {
        await recipe.createDatabase(admin, database, { ...engine.ctx, config } as never);
        await sharing.isolate(admin, database, config.users);
        transcript.record('database-created', { name: database.name, ...(database.owner === undefined ? {} : { owner: database.owner }) });
      }
    } finally {
      await recipe.logout(admin);
    }
  } catch (error) {
    await release();
    throw error;
  }
  const readyMs = Math.round(performance.now() - began);
  transcript.record('started', { engine: config.engine, runtime: config.runtime, host: DB_HOST, port: engine.port, tls: config.tls, requireTls: config.requireTls, readyMs, shared: true });
  log('%s (%s) on the shared engine %s:%d in %d ms', recipe.label, config.runtime, DB_HOST, engine.port, readyMs);
  return { port: engine.port, ...(engine.certificatePem ? { certificatePem: engine.certificatePem } : {}), stop: release };
}

/** Stops every shared engine of this process (they are stopped at its exit anyway). Fakes still on them lose their engine. */
export async function stopSharedEngines(): Promise<void> {
  const all = pool.splice(0);
  for (const shared of all) shared.retired = true;
  await Promise.all(all.map((shared) => shared.ready.then((engine) => engine.stop()).catch(() => undefined)));
}

/** An engine with these settings whose fakes hold none of `names`, else a new one; the names are held at once. */
function claim(recipe: EngineRecipe<unknown, object>, config: DbFakeConfig, names: string[]): SharedEngine {
  const key = keyOf(recipe, config);
  let shared = pool.find((candidate) => candidate.key === key && !candidate.retired && names.every((name) => !candidate.names.has(name)));
  if (!shared) {
    // The engine starts with no fake's users, so its start-up log names none.
    const settings: DbFakeConfig = { ...config, users: [], databases: [] };
    const entry: SharedEngine = { key, names: new Set(), tenants: new Set(), retired: false, ready: undefined as never };
    entry.ready = start(recipe, settings, entry);
    pool.push(entry);
    shared = entry;
  }
  for (const name of names) shared.names.add(name);
  return shared;
}

async function start(recipe: EngineRecipe<unknown, object>, settings: DbFakeConfig, shared: SharedEngine): Promise<RunningEngine<unknown>> {
  const { engine, admin } = await startEngine(recipe, settings, (exit) => {
    retire(shared);
    for (const transcript of shared.tenants) transcript.record('engine-exited', { ...exit, shared: true });
  });
  try {
    await recipe.sharing!.prepare(admin);
  } catch (error) {
    await engine.stop().catch(() => undefined);
    throw error;
  } finally {
    await recipe.logout(admin);
  }
  log('%s (%s) shared engine ready on %s:%d', recipe.label, settings.runtime, DB_HOST, engine.port);
  shared.running = engine;
  signalAllAtExit();
  return engine;
}

function retire(shared: SharedEngine): void {
  shared.retired = true;
  const index = pool.indexOf(shared);
  if (index >= 0) pool.splice(index, 1);
}

async function dropAll<Admin>(recipe: EngineRecipe<Admin, object>, sharing: EngineSharing<Admin>, engine: RunningEngine<Admin>, config: DbFakeConfig): Promise<void> {
  const admin = await engine.admin();
  try {
    for (const database of config.databases) await sharing.dropDatabase(admin, database.name);
    for (const user of config.users) await sharing.dropUser(admin, user.name);
  } finally {
    await recipe.logout(admin);
  }
}
