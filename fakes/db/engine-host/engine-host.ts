import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { onProcessExit } from '../../../core/process/index.ts';
import { Transcript } from '../../shared/transcript.ts';
import type { DbFakeConfig } from '../db-fake.ts';
import type { DbEngine, DbRuntime } from '../db-types.ts';
import type { EngineRecipe } from '../engine-recipe.ts';
import { leaseSharedEngine, prestartSharedEngine, stopSharedEngines } from '../shared-engines.ts';
import type { ServingPort } from '../started-db-fake-handle.ts';
import { lineReader, readLeaseConfig, toWireError, type HostMessage } from './engine-host-protocol.ts';

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

/**
 * One process's shared database engines (shared-engines.ts), leased to fakes in other processes
 * over a Unix socket: `partner-harness run` hosts them for all its vitest workers, so the run
 * starts one engine per kind and settings instead of one per worker, each worker's first Glue
 * scenario does not wait for an engine of its own, and the engines can be started before the
 * first scenario asks (`prestart`). Workers find the socket in PARTNER_HARNESS_ENGINE_HOST.
 */
export class EngineHost {
  static async start(): Promise<StartedEngineHost> {
    const dir = mkdtempSync(join(tmpdir(), 'partner-harness-engine-host-'));
    const removeDir = () => rmSync(dir, { recursive: true, force: true });
    const unregister = onProcessExit(removeDir);
    const path = join(dir, 'host.sock');
    const host = new StartedEngineHost(path, () => {
      removeDir();
      unregister();
    });
    try {
      await host.listen();
    } catch (error) {
      await host.stop();
      throw error;
    }
    return host;
  }
}

export class StartedEngineHost {
  readonly #server: Server;
  readonly #clients = new Set<Socket>();
  /** Each client's leases by id: what they serve, or undefined once that failed. */
  readonly #leases = new Map<Socket, Map<number, Promise<ServingPort | undefined>>>();
  #stopped?: Promise<void>;

  constructor(
    /** The socket's path, for PARTNER_HARNESS_ENGINE_HOST. */
    readonly path: string,
    private readonly removeDir: () => void,
  ) {
    this.#server = createServer((client) => this.#serve(client));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.path, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
  }

  /** Starts the engine that fakes of this engine and runtime will lease; a failure is only logged (the first fake reports it). */
  prestart(engine: DbEngine, runtime: Exclude<DbRuntime, 'container'>): void {
    const config: DbFakeConfig = { engine, runtime, users: [], databases: [], tls: false, requireTls: false, sharedEngine: true };
    void recipes[engine]()
      .then((recipe) => prestartSharedEngine(recipe, config))
      .then(
        () => log('%s (%s) engine started ahead for the run', engine, runtime),
        (error: Error) => log('%s (%s) engine not started ahead: %s', engine, runtime, error.message),
      );
  }

  /** Ends every lease (their users and databases dropped), then stops the engines. */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      await new Promise<void>((resolve) => {
        this.#server.close(() => resolve());
        for (const client of this.#clients) client.destroy();
      });
      await Promise.all([...this.#leases.keys()].map((client) => this.#releaseAll(client)));
      await stopSharedEngines();
      this.removeDir();
    })();
    return this.#stopped;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  #serve(client: Socket): void {
    this.#clients.add(client);
    this.#leases.set(client, new Map());
    const send = (message: HostMessage) => {
      if (!client.destroyed) client.write(`${JSON.stringify(message)}\n`);
    };
    client.on(
      'data',
      lineReader(
        (line) => void this.#handle(client, line, send),
        () => client.destroy(),
      ),
    );
    client.on('error', (error) => log('engine host client: %s', error.message));
    // A worker that exits or crashes gives its fakes' users and databases back.
    client.on('close', () => {
      this.#clients.delete(client);
      void this.#releaseAll(client);
    });
  }

  async #handle(client: Socket, line: string, send: (message: HostMessage) => void): Promise<void> {
    let request: { id?: unknown; op?: unknown; config?: unknown; lease?: unknown };
    try {
      request = JSON.parse(line) as typeof request;
    } catch {
      client.destroy();
      return;
    }
    const id = request.id;
    if (!Number.isSafeInteger(id)) return void client.destroy();
    if (request.op === 'release' && Number.isSafeInteger(request.lease)) {
      await this.#release(client, request.lease as number);
      return send({ id: id as number, ok: true });
    }
    const config = request.op === 'lease' ? readLeaseConfig(request.config) : undefined;
    if (!config) return send({ id: id as number, ok: false, error: { name: 'Error', message: 'engine host: not a lease or release request' } });
    try {
      const serving = await this.#lease(client, id as number, config, send);
      send({ id: id as number, ok: true, port: serving.port, ...(serving.certificatePem ? { certificatePem: serving.certificatePem } : {}) });
    } catch (error) {
      send({ id: id as number, ok: false, error: toWireError(error) });
    }
  }

  async #lease(client: Socket, id: number, config: DbFakeConfig, send: (message: HostMessage) => void): Promise<ServingPort> {
    const recipe = await recipes[config.engine]();
    const leases = this.#leases.get(client);
    // Gone while the recipe loaded: its leases may be being given back, this one must not join them.
    if (!leases || client.destroyed) throw new Error('engine host: the client left');
    // The fake's transcript lives in its own process: entries go there as they are made.
    const transcript = new (class extends Transcript {
      override record(kind: string, detail: Record<string, unknown> = {}): void {
        send({ id, record: { kind, detail } });
      }
    })();
    const serving = leaseSharedEngine(recipe, config, transcript, { owner: client, waitMs: WAIT_FOR_ENGINE_MS });
    leases.set(id, serving.catch(() => undefined));
    try {
      return await serving;
    } catch (error) {
      leases.delete(id);
      throw error;
    }
  }

  async #release(client: Socket, id: number): Promise<void> {
    const leases = this.#leases.get(client);
    const lease = leases?.get(id);
    if (!lease) return;
    try {
      await (await lease)?.stop();
    } finally {
      leases!.delete(id);
    }
  }

  async #releaseAll(client: Socket): Promise<void> {
    const leases = this.#leases.get(client);
    if (!leases) return;
    await Promise.allSettled([...leases.keys()].map((id) => this.#release(client, id)));
    this.#leases.delete(client);
  }
}
