import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import createDebug from 'debug';
import { onProcessExit } from '../../../core/process/index.ts';
import { Transcript } from '../../shared/transcript.ts';
import type { DbFakeConfig } from '../db-fake.ts';
import type { DbEngine, DbRuntime } from '../db-types.ts';
import type { EngineRecipe } from '../engine-recipe.ts';
import { leaseSharedEngine, prestartSharedEngine, stopSharedEngines } from '../shared-engines.ts';
import type { ServingPort } from '../started-db-fake-handle.ts';
import { checkLeaseConfig } from './check-lease-config.ts';
import { hostSocketIn, lineReader, newHostFolder, readLeaseConfig, toLine, toWireError, type HostMessage, type WireError } from './engine-host-protocol.ts';
import { isRecord } from '../../../core/values/index.ts';

const log = createDebug('partner-harness:fake:db');

/**
 * How long a lease waits for another process's fake with the same users or databases (or, on an
 * engine that changes TLS while running, other TLS settings) to give the engine back, before the
 * pool starts another (LeaseOptions.waitMs). A scenario holds its database for well under a
 * second; starting another engine takes 1-2 s of CPU.
 */
const WAIT_FOR_ENGINE_MS = 1000;

// Loaded on first use: a run without database fakes never loads pg or mysql2.
const recipes: Record<DbEngine, () => Promise<EngineRecipe<unknown, object>>> = {
  postgresql: async () => (await import('../postgres-recipe.ts')).postgresRecipe as unknown as EngineRecipe<unknown, object>,
  mysql: async () => (await import('../mariadb-recipe.ts')).mariadbRecipe as unknown as EngineRecipe<unknown, object>,
};

/** What the host keeps of a client process: its leases by id, and what ends its waiting when it leaves. */
interface Client {
  leases: Map<number, Promise<ServingPort | undefined>>;
  gone: AbortController;
  /** Once it has left: every lease given back. */
  released?: Promise<void>;
}

/**
 * One process's shared database engines (shared-engines.ts), leased to fakes in other processes
 * over a Unix socket: `partner-harness run` hosts them for all its vitest workers, so the run
 * starts one engine per kind and settings instead of one per worker, each worker's first Glue
 * scenario does not wait for an engine of its own, and the engines can be started before the
 * first scenario asks (`prestart`). Workers find the socket in PARTNER_HARNESS_ENGINE_HOST.
 */
export class EngineHost {
  /** Listens in `dir` (from newHostFolder(), removed at stop()), else in a new folder. */
  static async start(options: { dir?: string } = {}): Promise<StartedEngineHost> {
    const dir = options.dir ?? newHostFolder().dir;
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    const unregister = onProcessExit(removeDir);
    const server = createServer();
    const host = new StartedEngineHost(hostSocketIn(dir), server, () => {
      removeDir();
      unregister();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(hostSocketIn(dir), () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await host.stop();
      throw error;
    }
    // An accept that fails (too many open files) only costs that client its host.
    server.on('error', (error) => log('engine host: %s', error.message));
    return host;
  }
}

export class StartedEngineHost {
  readonly #clients = new Map<Socket, Client>();
  readonly #prestarts: Array<Promise<void>> = [];
  #stopped?: Promise<void>;

  constructor(
    /** The socket's path, for PARTNER_HARNESS_ENGINE_HOST. */
    readonly path: string,
    private readonly server: Server,
    private readonly removeDir: () => void,
  ) {
    server.on('connection', (socket) => this.#serve(socket));
  }

  /** Starts the engine that fakes of this engine and runtime will lease; a failure is only logged (the first fake reports it). */
  prestart(engine: DbEngine, runtime: Exclude<DbRuntime, 'container'>): void {
    const config: DbFakeConfig = { engine, runtime, users: [], databases: [], tls: false, requireTls: false, sharedEngine: true };
    const started = recipes[engine]()
      // Stopped while the recipe loaded: an engine started now would outlive the host.
      .then((recipe) => (this.#stopped ? undefined : prestartSharedEngine(recipe, config)))
      .then(
        () => log('%s (%s) engine started ahead for the run', engine, runtime),
        (error: Error) => log('%s (%s) engine not started ahead: %s', engine, runtime, error.message),
      );
    this.#prestarts.push(started);
  }

  /**
   * Ends every lease (their users and databases dropped), then stops the engines: all the shared
   * engines of this process, the host's and any its own fakes used.
   */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      for (const socket of this.#clients.keys()) socket.destroy();
      await closed;
      await Promise.all([...this.#clients.keys()].map((socket) => this.#releaseAll(socket)));
      await Promise.all(this.#prestarts);
      await stopSharedEngines();
      this.removeDir();
    })();
    return this.#stopped;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #serve(socket: Socket): void {
    this.#clients.set(socket, { leases: new Map(), gone: new AbortController() });
    const send = (message: HostMessage) => {
      if (!socket.destroyed) socket.write(toLine(message));
    };
    socket.on(
      'data',
      lineReader(
        (line) =>
          void this.#handle(socket, line, send).catch((error: Error) => {
            log('engine host: a request failed: %s', error.message);
            socket.destroy();
          }),
        () => socket.destroy(),
      ),
    );
    socket.on('error', (error) => log('engine host client: %s', error.message));
    // A worker that exits or crashes gives its fakes' users and databases back.
    socket.on('close', () => void this.#releaseAll(socket));
  }

  async #handle(socket: Socket, line: string, send: (message: HostMessage) => void): Promise<void> {
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      return void socket.destroy();
    }
    const { id, op, config, lease } = isRecord(request) ? request : {};
    if (!Number.isSafeInteger(id)) return void socket.destroy();
    const answer = (message: { ok: true; port?: number; certificatePem?: string } | { ok: false; error: WireError }) => send({ id: id as number, ...message });
    if (op === 'release' && Number.isSafeInteger(lease)) {
      await this.#release(socket, lease as number);
      return answer({ ok: true });
    }
    const client = this.#clients.get(socket);
    const raw = op === 'lease' ? readLeaseConfig(config) : undefined;
    if (!client || !raw) return answer({ ok: false, error: { name: 'Error', message: 'engine host: not a lease or release request' } });
    if (client.leases.has(id as number)) return answer({ ok: false, error: { name: 'Error', message: `engine host: lease ${id as number} is already taken` } });
    try {
      const serving = await this.#lease(socket, client, id as number, await checkLeaseConfig(raw), send);
      answer({ ok: true, port: serving.port, ...(serving.certificatePem ? { certificatePem: serving.certificatePem } : {}) });
    } catch (error) {
      answer({ ok: false, error: toWireError(error) });
    }
  }

  async #lease(socket: Socket, client: Client, id: number, config: DbFakeConfig, send: (message: HostMessage) => void): Promise<ServingPort> {
    const recipe = await recipes[config.engine]();
    // Gone while the recipe loaded: its leases may be being given back, this one must not join them.
    if (client.released || socket.destroyed) throw new Error('engine host: the client left');
    // The fake's transcript lives in its own process: entries go there as they are made.
    const transcript = new (class extends Transcript {
      override record(kind: string, detail: Record<string, unknown> = {}): void {
        send({ id, record: { kind, detail } });
      }
    })();
    const serving = leaseSharedEngine(recipe, config, transcript, { owner: socket, waitMs: WAIT_FOR_ENGINE_MS, signal: client.gone.signal });
    client.leases.set(id, serving.catch(() => undefined));
    try {
      return await serving;
    } catch (error) {
      client.leases.delete(id);
      throw error;
    }
  }

  /** Gives one lease back, once: the entry is taken out before anything is awaited. */
  async #release(socket: Socket, id: number): Promise<void> {
    const leases = this.#clients.get(socket)?.leases;
    const lease = leases?.get(id);
    if (!lease) return;
    leases!.delete(id);
    await (await lease)?.stop();
  }

  /** Once per client: its waiting leases are abandoned and every lease is given back. */
  #releaseAll(socket: Socket): Promise<void> {
    const client = this.#clients.get(socket);
    if (!client) return Promise.resolve();
    client.released ??= (async () => {
      client.gone.abort();
      await Promise.allSettled([...client.leases.keys()].map((id) => this.#release(socket, id)));
      this.#clients.delete(socket);
    })();
    return client.released;
  }
}
