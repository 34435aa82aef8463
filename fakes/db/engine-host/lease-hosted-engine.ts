import { createConnection, type Socket } from 'node:net';
import createDebug from 'debug';
import { FakeStartError } from '../../../core/errors/index.ts';
import type { Transcript } from '../../shared/transcript.ts';
import type { DbFakeConfig } from '../db-fake.ts';
import type { ServingPort } from '../started-db-fake-handle.ts';
import { fromWireError, lineReader, toLine, type HostMessage, type HostRequest } from './engine-host-protocol.ts';
import { isRecord } from '../../../core/values/index.ts';

const log = createDebug('partner-harness:fake:db');

/** The host could not be reached at all: the caller starts its own engine instead (never shown to users). */
export class EngineHostUnreachable extends Error {
  override name = 'EngineHostUnreachable';
}

type Answer = Extract<HostMessage, { ok: boolean }>;

interface Pending {
  resolve: (message: Answer) => void;
  reject: (error: Error) => void;
}

/** One connection per process to the engine host at `path`, shared by its fakes. */
class HostConnection {
  readonly #pending = new Map<number, Pending>();
  /** The transcripts of this process's fakes on hosted engines, by lease: entries may come at any time. */
  readonly #transcripts = new Map<number, Transcript>();
  #nextId = 1;
  #closed?: Error;

  private constructor(private readonly socket: Socket) {
    socket.on(
      'data',
      lineReader(
        (line) => this.#receive(line),
        () => socket.destroy(new Error('engine host: a line over the limit')),
      ),
    );
    socket.on('error', (error) => log('engine host connection: %s', error.message));
    socket.on('close', () => {
      this.#closed = new FakeStartError('the database engine host closed its connection (the run that started this worker ended)');
      for (const pending of this.#pending.values()) pending.reject(this.#closed);
      this.#pending.clear();
    });
    // Idle, it must not keep this process alive (see #request).
    socket.unref();
  }

  static open(path: string): Promise<HostConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(path);
      const unreachable = (error: Error) => reject(new EngineHostUnreachable(`engine host ${path}: ${error.message}`));
      socket.once('error', unreachable);
      socket.once('connect', () => {
        socket.off('error', unreachable);
        resolve(new HostConnection(socket));
      });
    });
  }

  get closed(): boolean {
    return this.#closed !== undefined;
  }

  /** The lease's id (its request's) and the host's answer. */
  async lease(config: DbFakeConfig, transcript: Transcript): Promise<{ id: number; answer: Answer }> {
    const id = this.#nextId++;
    this.#transcripts.set(id, transcript);
    try {
      const answer = await this.#request({ id, op: 'lease', config });
      if (!answer.ok) this.#transcripts.delete(id);
      return { id, answer };
    } catch (error) {
      this.#transcripts.delete(id);
      throw error;
    }
  }

  async release(lease: number): Promise<void> {
    // A host that is gone already dropped the lease with the connection.
    if (this.closed) return;
    await this.#request({ id: this.#nextId++, op: 'release', lease }).catch(() => undefined);
    this.#transcripts.delete(lease);
  }

  #request(request: HostRequest): Promise<Answer> {
    if (this.#closed) return Promise.reject(this.#closed);
    // Referenced while an answer is due, so a process that only waits for it stays alive.
    this.socket.ref();
    return new Promise<Answer>((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.socket.write(toLine(request));
    }).finally(() => {
      if (this.#pending.size === 0) this.socket.unref();
    });
  }

  #receive(line: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (!isRecord(parsed) || !Number.isSafeInteger(parsed.id)) {
      this.socket.destroy(new Error('engine host: an answer that is not one'));
      return;
    }
    const message = parsed as unknown as HostMessage;
    if ('record' in message) {
      const { kind, detail } = (message.record ?? {}) as { kind?: unknown; detail?: unknown };
      if (typeof kind === 'string') this.#transcripts.get(message.id)?.record(kind, isRecord(detail) ? detail : {});
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    pending.resolve(message);
  }
}

const connections = new Map<string, Promise<HostConnection>>();

function connect(path: string): Promise<HostConnection> {
  let connection = connections.get(path);
  if (!connection) {
    connection = HostConnection.open(path);
    connections.set(path, connection);
    connection.catch(() => connections.delete(path));
  }
  return connection;
}

/**
 * A fake's users and databases on an engine of the host at `path` (engine-host.ts), as
 * leaseSharedEngine gives them on an engine of this process. Throws EngineHostUnreachable when
 * nothing answers there.
 */
export async function leaseHostedEngine(path: string, config: DbFakeConfig, transcript: Transcript): Promise<ServingPort> {
  let connection = await connect(path);
  if (connection.closed) {
    // The host closed this connection: ask again, which fails with EngineHostUnreachable if it is gone.
    connections.delete(path);
    connection = await connect(path);
  }
  const { id, answer } = await connection.lease(config, transcript);
  if (!answer.ok) throw fromWireError(answer.error);
  if (!Number.isSafeInteger(answer.port)) {
    await connection.release(id);
    throw new FakeStartError('the database engine host answered a lease without a port');
  }
  return {
    port: answer.port!,
    ...(answer.certificatePem ? { certificatePem: answer.certificatePem } : {}),
    stop: () => connection.release(id),
  };
}
