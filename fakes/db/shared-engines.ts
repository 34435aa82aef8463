import { randomBytes } from 'node:crypto';
import createDebug from 'debug';
import type { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { DB_HOST } from './db-types.ts';
import type { EngineContext, EngineRecipe, EngineSharing, TlsSettings } from './engine-recipe.ts';
import { launchEngine, provision, startEngine, type RunningEngine } from './launch-engine.ts';
import type { ServingPort } from './started-db-fake-handle.ts';
import { onProcessExit } from '../../core/process/index.ts';

const log = createDebug('partner-harness:fake:db');

/** One engine serving fakes in turn; `names` are the users and databases its current fakes hold, with who holds each. */
interface SharedEngine {
  key: string;
  ready: Promise<RunningEngine<unknown>>;
  running?: RunningEngine<unknown>;
  names: Map<string, unknown>;
  /** Who holds it (LeaseOptions.owner), once per fake that claimed it and has not released it; they all asked for `tls`. */
  owners: unknown[];
  /** The transcripts of the fakes it serves now: an unexpected exit is recorded in each. */
  tenants: Set<Transcript>;
  tls: TlsSettings;
  /** The TLS settings in force, changed one after the other (applyTls). */
  applied: TlsSettings;
  applying: Promise<void>;
  /** Databases made ahead or recycled (EngineSharing.spares), with their fingerprints, and the one being made. */
  spares: Spare[];
  making: Promise<void>;
  retired: boolean;
}

interface Spare {
  name: string;
  fingerprint: string;
}

/** Per process (a vitest worker): engines by server settings, several only when fakes running at once need the same names. */
const pool: SharedEngine[] = [];
/** Leases waiting for an engine (LeaseOptions.waitMs), woken whenever a fake gives one back. */
let waiting: Array<() => void> = [];

/** How a lease shares: by default it takes an engine that is free now, else starts another. */
export interface LeaseOptions {
  /** Who asks (an engine host's client process): a fake waits only for other owners' fakes. */
  owner?: unknown;
  /**
   * How long to wait for another owner's fake, holding the same names (or other TLS settings on
   * an engine that changes them), to give an engine back before starting another. Counted from
   * when that engine is up: a lease never starts a second engine while the first is starting.
   */
  waitMs?: number;
  /** Aborted: the asker is gone; a lease still waiting gives up (and starts no engine). */
  signal?: AbortSignal;
}
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

/**
 * The server settings a shared engine is started with; fakes that agree on them share it. An
 * engine that can change its TLS settings while running (applyTls) serves every TLS setting, one
 * at a time: restarting for each took longer than all of a scenario's other work.
 */
function keyOf(recipe: EngineRecipe<unknown, object>, config: DbFakeConfig): string {
  const tls = recipe.sharing?.applyTls ? [] : [config.tls ? 'tls' : 'plain', config.requireTls ? 'required' : 'optional'];
  return [recipe.label, config.runtime, ...tls].join('|');
}

const tlsOf = (config: TlsSettings): TlsSettings => ({ tls: config.tls, requireTls: config.requireTls });
const sameTls = (a: TlsSettings, b: TlsSettings) => a.tls === b.tls && a.requireTls === b.requireTls;

/**
 * A fake's users and databases on an engine that other fakes with the same server settings share
 * (one per settings in this process, started on first use): created now, dropped by stop(). Only
 * this fake's users may connect to its databases, and nobody but the superuser to the engine's
 * own. The transcript names this fake's users and databases only; the engine's log, which could
 * name another fake's, is left out. Engines stay up for the next fake until stopSharedEngines()
 * or the end of the process (core/process exit cleanup). A recipe without `sharing` launches
 * its own engine as before.
 */
export async function leaseSharedEngine<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, config: DbFakeConfig, transcript: Transcript, options: LeaseOptions = {}): Promise<ServingPort> {
  const sharing = recipe.sharing;
  if (!sharing) return launchEngine(recipe, config, transcript);
  const began = performance.now();
  const names = [...config.users.map((user) => `user:${user.name}`), ...config.databases.map((database) => `database:${database.name}`)];
  const shared = options.waitMs ? await claimWhenFree(recipe as EngineRecipe<unknown, object>, config, names, options) : claim(recipe as EngineRecipe<unknown, object>, config, names, options.owner);
  let engine: RunningEngine<Admin>;
  try {
    engine = (await shared.ready) as RunningEngine<Admin>;
  } catch (error) {
    retire(shared);
    throw error;
  }
  shared.tenants.add(transcript);
  /** The fingerprints of this fake's databases that were spares: those can be recycled at stop. */
  const fingerprints = new Map<string, string>();
  let released: Promise<void> | undefined;
  // Once: a second release would count a holder out twice and drop names another fake may hold by then.
  const release = () => (released ??= releaseOnce());
  const releaseOnce = async () => {
    shared.tenants.delete(transcript);
    const owner = shared.owners.indexOf(options.owner);
    if (owner >= 0) shared.owners.splice(owner, 1);
    try {
      await dropAll(recipe, sharing, shared, engine, config, fingerprints);
      for (const name of names) shared.names.delete(name);
    } catch (error) {
      // What could not be dropped must not meet the next fake: this engine serves no one else.
      log('%s shared engine on port %d retired: %s', recipe.label, engine.port, (error as Error).message);
      retire(shared);
      await engine.stop();
      return;
    } finally {
      wakeWaiting();
    }
    // Retired while this fake held it (its TLS settings could not be applied): the last one out stops it.
    if (shared.retired && shared.owners.length === 0 && shared.running) await engine.stop().catch(() => undefined);
  };
  try {
    await applyTls(recipe, sharing, shared, engine);
    transcript.record('engine', { version: engine.version, shared: true });
    const admin = await engine.admin();
    const ctx = { ...engine.ctx, config } as EngineContext<Bin>;
    try {
      await provision(recipe, ctx, admin, transcript, async (database) => {
        const spare = sharing.spares && (await takeSpare(shared));
        if (spare) {
          await sharing.spares!.adopt(admin, spare.name, database);
          fingerprints.set(database.name, spare.fingerprint);
        } else await recipe.createDatabase(admin, database, ctx);
        await sharing.isolate(admin, database, config.users);
      });
    } finally {
      await recipe.logout(admin);
    }
  } catch (error) {
    await release();
    throw error;
  }
  if (config.databases.length > 0) makeSpare(recipe, shared, engine);
  const readyMs = Math.round(performance.now() - began);
  transcript.record('started', { engine: config.engine, runtime: config.runtime, host: DB_HOST, port: engine.port, tls: config.tls, requireTls: config.requireTls, readyMs, shared: true });
  log('%s (%s) on the shared engine %s:%d in %d ms', recipe.label, config.runtime, DB_HOST, engine.port, readyMs);
  // A shared engine holds a certificate even while this fake has TLS off.
  return { port: engine.port, ...(config.tls && engine.certificatePem ? { certificatePem: engine.certificatePem } : {}), stop: release };
}

/**
 * Starts the engine that fakes of `config`'s settings will share, with a database made ahead,
 * before any fake asks: a fake then finds it ready. Holds no users or databases.
 */
export async function prestartSharedEngine<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, config: DbFakeConfig): Promise<void> {
  if (!recipe.sharing) return;
  const shared = claim(recipe as EngineRecipe<unknown, object>, { ...config, users: [], databases: [] }, []);
  // Not a holder: a fake of any TLS setting may claim it while it starts.
  shared.owners.pop();
  try {
    makeSpare(recipe, shared, (await shared.ready) as RunningEngine<Admin>);
  } catch (error) {
    retire(shared);
    throw error;
  }
}

/** Stops every shared engine of this process (they are stopped at its exit anyway). Fakes still on them lose their engine. */
export async function stopSharedEngines(): Promise<void> {
  const all = pool.splice(0);
  for (const shared of all) shared.retired = true;
  wakeWaiting();
  await Promise.all(all.map((shared) => shared.ready.then((engine) => engine.stop()).catch(() => undefined)));
}

/**
 * An engine with these settings whose fakes hold none of `names` (and, where it changes TLS while
 * running, is idle or serves the same TLS settings), else a new one; the names are held at once.
 */
function claim(recipe: EngineRecipe<unknown, object>, config: DbFakeConfig, names: string[], owner?: unknown): SharedEngine {
  const key = keyOf(recipe, config);
  const tls = tlsOf(config);
  let shared = pool.find((candidate) => candidate.key === key && !candidate.retired && fits(candidate, tls, names));
  if (!shared) {
    // The engine starts with no fake's users, so its start-up log names none; one that changes
    // TLS while running starts with TLS off (and its certificate made) and applies the fake's.
    const adjustable = Boolean(recipe.sharing?.applyTls);
    const initial = adjustable ? { tls: false, requireTls: false } : tls;
    const settings: DbFakeConfig = { ...config, ...initial, users: [], databases: [] };
    const entry: SharedEngine = { key, names: new Map(), owners: [], tenants: new Set(), tls, applied: initial, applying: Promise.resolve(), spares: [], making: Promise.resolve(), retired: false, ready: undefined as never };
    entry.ready = start(recipe, settings, entry, adjustable);
    pool.push(entry);
    shared = entry;
    // A lease waiting for a busy engine may take this one, once it is up.
    wakeWaiting();
  }
  shared.owners.push(owner);
  shared.tls = tls;
  for (const name of names) shared.names.set(name, owner);
  return shared;
}

/** Whether a fake with these TLS settings and names can use the engine now. */
const fits = (candidate: SharedEngine, tls: TlsSettings, names: string[]) => (candidate.owners.length === 0 || sameTls(candidate.tls, tls)) && names.every((name) => !candidate.names.has(name));

/**
 * claim(), once an engine with these settings fits the fake, or none that could is held by other
 * owners only, or `waitMs` have passed since such an engine was up (LeaseOptions.waitMs). The
 * check and the claim happen in one turn: two leases woken by one release cannot both see the
 * engine free and the second start another.
 */
async function claimWhenFree(recipe: EngineRecipe<unknown, object>, config: DbFakeConfig, names: string[], { owner, waitMs = 0, signal }: LeaseOptions): Promise<SharedEngine> {
  const key = keyOf(recipe, config);
  const tls = tlsOf(config);
  let deadline: number | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const candidates = pool.filter((candidate) => candidate.key === key && !candidate.retired);
    if (candidates.some((candidate) => fits(candidate, tls, names))) return claim(recipe, config, names, owner);
    // Held by this owner's own fakes (two fakes of one scenario, say): they will not give it back in time.
    const othersOnly = candidates.filter(
      (candidate) => names.every((name) => !candidate.names.has(name) || candidate.names.get(name) !== owner) && (sameTls(candidate.tls, tls) || !candidate.owners.includes(owner)),
    );
    if (othersOnly.length === 0) return claim(recipe, config, names, owner);
    const starting = othersOnly.find((candidate) => !candidate.running);
    if (starting) {
      await settledOrAborted(starting.ready, signal);
      continue;
    }
    deadline ??= performance.now() + waitMs;
    const left = deadline - performance.now();
    if (left <= 0) {
      log('%s (%s): waited %d ms for an engine; starting another', recipe.label, config.runtime, waitMs);
      return claim(recipe, config, names, owner);
    }
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, left);
      signal?.addEventListener('abort', wake, { once: true });
      waiting.push(wake);
    });
  }
}

/**
 * Resolves once `promise` settles or `signal` aborts. The abort listener goes when it resolves:
 * a client's signal lives as long as the client, and would otherwise gather one per wait.
 */
function settledOrAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      signal?.removeEventListener('abort', done);
      resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
    promise.then(done, done);
  });
}

function wakeWaiting(): void {
  const woken = waiting;
  waiting = [];
  for (const wake of woken) wake();
}

/** Brings the engine to the TLS settings its fakes asked for, after any change already under way. */
async function applyTls<Admin>(recipe: EngineRecipe<Admin, object>, sharing: EngineSharing<Admin>, shared: SharedEngine, engine: RunningEngine<Admin>): Promise<void> {
  const apply = sharing.applyTls;
  if (!apply) return;
  const step = shared.applying.then(async () => {
    const wanted = shared.tls;
    if (sameTls(shared.applied, wanted)) return;
    const admin = await engine.admin();
    try {
      await apply(admin, engine.ctx, wanted, engine.admin);
    } finally {
      await recipe.logout(admin);
    }
    shared.applied = wanted;
    log('%s shared engine on port %d now has TLS %s', recipe.label, engine.port, wanted.requireTls ? 'required' : wanted.tls ? 'on' : 'off');
  });
  shared.applying = step.catch(() => undefined);
  try {
    await step;
  } catch (error) {
    // Its settings are unknown now: it serves no one else.
    retire(shared);
    throw error;
  }
}

/** A database made ahead, waiting for one being made; undefined when there is none. */
async function takeSpare(shared: SharedEngine): Promise<Spare | undefined> {
  await shared.making;
  return shared.spares.shift();
}

/** Makes the next fake's database in the background, while this one runs; a failure only means the next creates its own. */
function makeSpare<Admin>(recipe: EngineRecipe<Admin, object>, shared: SharedEngine, engine: RunningEngine<Admin>): void {
  const spares = recipe.sharing?.spares;
  if (!spares || shared.spares.length > 0) return;
  const name = spareName();
  shared.making = shared.making.then(async () => {
    if (shared.retired) return;
    try {
      const admin = await engine.admin();
      try {
        shared.spares.push({ name, fingerprint: await spares.make(admin, name, engine.admin) });
      } finally {
        await recipe.logout(admin);
      }
    } catch (error) {
      log('%s spare database not made: %s', recipe.label, (error as Error).message);
    }
  });
}

async function start(recipe: EngineRecipe<unknown, object>, settings: DbFakeConfig, shared: SharedEngine, certificate: boolean): Promise<RunningEngine<unknown>> {
  const { engine, admin } = await startEngine(
    recipe,
    settings,
    (exit) => {
      retire(shared);
      for (const transcript of shared.tenants) transcript.record('engine-exited', { ...exit, shared: true });
    },
    { certificate: certificate || settings.tls },
  );
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
  wakeWaiting();
}

const spareName = () => `partner_harness_spare_${randomBytes(6).toString('hex')}`;

/** Drops a fake's users and databases; a database it left as it found it becomes a spare again instead. */
async function dropAll<Admin>(
  recipe: EngineRecipe<Admin, object>,
  sharing: EngineSharing<Admin>,
  shared: SharedEngine,
  engine: RunningEngine<Admin>,
  config: DbFakeConfig,
  fingerprints: ReadonlyMap<string, string>,
): Promise<void> {
  const admin = await engine.admin();
  try {
    for (const database of config.databases) {
      const fingerprint = fingerprints.get(database.name);
      const recycle = sharing.spares?.recycle;
      if (fingerprint !== undefined && recycle && !shared.retired) {
        const name = spareName();
        const recycled = await recycle(admin, database, config.users, fingerprint, name, engine.admin).catch((error: Error) => {
          log('%s database not recycled: %s', recipe.label, error.message);
          return false;
        });
        if (recycled) {
          // First in line: it is ready, while one still being made may not be.
          shared.spares.unshift({ name, fingerprint });
          continue;
        }
      }
      await sharing.dropDatabase(admin, database.name);
    }
    for (const user of config.users) await sharing.dropUser(admin, user.name);
  } finally {
    await recipe.logout(admin);
  }
}
