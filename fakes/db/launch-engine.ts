import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import createDebug from 'debug';
import type { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import type { EngineContext, EngineRecipe } from './engine-recipe.ts';
import { EngineProcess } from './engine-process.ts';
import { resolveEngineUser } from './engine-user.ts';
import { onProcessExit } from '../../core/process/index.ts';
import { freePort } from './free-port.ts';
import { createServerCertificate } from './self-signed-cert.ts';
import { DB_HOST, type DbDatabase } from './db-types.ts';
import type { ServingPort } from './started-db-fake-handle.ts';
import { WorkDir } from './work-dir.ts';
import { FakeStartError, RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:db');

const READY_DEADLINE_MS = 30_000;
const PORT_ATTEMPTS = 3;

/** A running engine with no scenario users yet: where it listens, a way in as the superuser, and its stop. */
export interface RunningEngine<Admin> extends ServingPort {
  ctx: EngineContext<object>;
  /** `SHOW server_version` or alike, read once at start. */
  version: string;
  /** A fresh superuser session (in `database`, where sessions have one); the caller logs out with recipe.logout. */
  admin(database?: string): Promise<Admin>;
  /** Resolves when the engine process exits, whoever stopped it. */
  exited: Promise<unknown>;
  /** Sends the exit signal without waiting, for a process 'exit' hook that ends several engines at once. */
  signalExit(): void;
}

/**
 * Initialises a private data dir, starts the engine on a free port (another on EADDRINUSE), waits
 * until the superuser can log in, creates users and databases. Any failure cleans up and throws
 * with the engine's log tail (passwords redacted).
 */
export async function launchEngine<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, config: DbFakeConfig, transcript: Transcript): Promise<ServingPort> {
  const began = performance.now();
  const secrets = config.users.map((user) => user.password);
  const { engine, admin } = await startEngine(recipe, config, (exit, log) => transcript.record('engine-exited', { ...exit, log: log(secrets) }));
  try {
    transcript.record('engine', { version: engine.version });
    await provision(recipe, engine.ctx as EngineContext<Bin>, admin, transcript);
  } catch (error) {
    await engine.stop().catch(() => undefined);
    throw error;
  } finally {
    await recipe.logout(admin);
  }
  const readyMs = Math.round(performance.now() - began);
  log('%s (%s) ready on %s:%d in %d ms', recipe.label, config.runtime, DB_HOST, engine.port, readyMs);
  transcript.record('started', { engine: config.engine, runtime: config.runtime, host: DB_HOST, port: engine.port, tls: config.tls, requireTls: config.requireTls, readyMs });
  return engine;
}

/**
 * The engine without `config`'s users and databases: initialised, listening, secured, its first
 * superuser session open. `onUnexpectedExit` hears of an exit nobody asked for, with the log
 * tail (the secrets given to it redacted, with the superuser's). `certificate` makes the server
 * certificate even when `config.tls` is off (a shared engine turns TLS on later).
 */
export async function startEngine<Admin, Bin extends object>(
  recipe: EngineRecipe<Admin, Bin>,
  config: DbFakeConfig,
  onUnexpectedExit: (exit: { code: number | null; signal: NodeJS.Signals | null }, log: (secrets: string[]) => string[]) => void,
  { certificate: withCertificate = config.tls }: { certificate?: boolean } = {},
): Promise<{ engine: RunningEngine<Admin>; admin: Admin }> {
  const found = recipe.binaries(config);
  if ('reason' in found) throw new RuntimeUnavailableError(`${recipe.label}: runtime '${config.runtime}' is not available: ${found.reason}`);
  const began = performance.now();
  const user = await resolveEngineUser(recipe.osUsers);
  const bin = (await recipe.forUser?.(found, user)) ?? found;
  const dir = await WorkDir.create(user);
  const ctx: EngineContext<Bin> = { config, bin, dir, adminPassword: randomBytes(24).toString('base64url') };
  const secrets = [ctx.adminPassword, ...config.users.map((user) => user.password)];
  let server: EngineProcess | undefined;
  let stopping = false;
  const unregister = onProcessExit(() => {
    // Shared engines always end here, at the end of their process: wait for it before removing its data.
    server?.killNow(recipe.exitSignal, 3_000);
    dir.removeSync();
  });
  const stop = async () => {
    stopping = true;
    await server?.stop(recipe.stopSignal);
    await dir.remove();
    unregister();
  };
  try {
    // openssl and initdb/install-db take a few hundred ms each and need nothing from each other.
    const [certificate] = await Promise.all([withCertificate ? createServerCertificate(dir) : undefined, recipe.initialise(ctx)]);
    if (certificate) ctx.certificate = certificate;
    log('%s (%s) initialised %s in %d ms', recipe.label, config.runtime, dir.root, Math.round(performance.now() - began));
    const { port, admin } = await startOnFreePort(recipe, ctx, (engine) => {
      server = engine;
      engine.exited.then((exit) => {
        if (!stopping) onUnexpectedExit(exit, (more) => engine.log.lines([...secrets, ...more]));
      });
    }, secrets);
    try {
      await recipe.secure?.(admin);
      const version = await recipe.version(admin);
      const engine: RunningEngine<Admin> = {
        port,
        ...(ctx.certificate ? { certificatePem: ctx.certificate.pem } : {}),
        stop,
        ctx,
        version,
        admin: (database?: string) => recipe.login(ctx, port, database),
        exited: server!.exited,
        signalExit: () => server?.killNow(recipe.exitSignal),
      };
      return { engine, admin };
    } catch (error) {
      await recipe.logout(admin);
      throw error;
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** The port is free when we pick it, but may be taken before the engine binds it: then another. */
async function startOnFreePort<Admin, Bin extends object>(
  recipe: EngineRecipe<Admin, Bin>,
  ctx: EngineContext<Bin>,
  onSpawn: (engine: EngineProcess) => void,
  secrets: string[],
): Promise<{ port: number; admin: Admin }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort(DB_HOST);
    const engine = new EngineProcess(recipe.server(ctx, port));
    onSpawn(engine);
    try {
      return { port, admin: await waitForLogin(recipe, ctx, port, engine, secrets) };
    } catch (error) {
      if (!(attempt < PORT_ATTEMPTS && engine.exit && recipe.addressInUse(engine.log))) throw error;
      log('%s port %d was taken; retrying', recipe.label, port);
    }
  }
}

/** Creates `ctx.config`'s users and databases, each recorded; a shared engine creates its databases its own way. */
export async function provision<Admin, Bin extends object>(
  recipe: EngineRecipe<Admin, Bin>,
  ctx: EngineContext<Bin>,
  admin: Admin,
  transcript: Transcript,
  createDatabase: (database: DbDatabase) => Promise<void> = (database) => recipe.createDatabase(admin, database, ctx),
): Promise<void> {
  for (const user of ctx.config.users) {
    await recipe.createUser(admin, user, ctx);
    transcript.record('user-created', { name: user.name, ...(user.superuser ? { superuser: true } : {}) });
  }
  for (const database of ctx.config.databases) {
    await createDatabase(database);
    transcript.record('database-created', { name: database.name, ...(database.owner === undefined ? {} : { owner: database.owner }) });
  }
}

/** Polls a real superuser login until it works, the engine exits, or the deadline passes. */
async function waitForLogin<Admin, Bin extends object>(recipe: EngineRecipe<Admin, Bin>, ctx: EngineContext<Bin>, port: number, engine: EngineProcess, secrets: string[]): Promise<Admin> {
  const deadline = performance.now() + READY_DEADLINE_MS;
  let lastError: unknown;
  for (;;) {
    if (engine.exit) {
      const { code, signal } = engine.exit;
      throw new FakeStartError(`${recipe.label}: the engine exited during start-up (${code ?? signal}); its log ends:\n  ${engine.log.lines(secrets).join('\n  ')}`);
    }
    try {
      return await recipe.login(ctx, port);
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new FakeStartError(`${recipe.label}: no superuser login on ${DB_HOST}:${port} within ${READY_DEADLINE_MS} ms (last: ${reason}); the engine's log ends:\n  ${engine.log.lines(secrets).join('\n  ')}`);
    }
    await Promise.race([sleep(50), engine.exited]);
  }
}
