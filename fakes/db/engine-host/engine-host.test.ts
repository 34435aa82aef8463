import { existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { dirname } from 'node:path';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeStartError } from '../../../core/errors/index.ts';
import { pgLogin } from '../postgres-fake-contract.ts';
import { engineDescendants } from '../engine-processes.ts';
import { PostgresFake } from '../postgres-fake.ts';
import type { StartedDbFake } from '../started-db-fake.ts';
import { EngineHost, type StartedEngineHost } from './engine-host.ts';
import { ENGINE_HOST_ENV, fromWireError, lineReader, MAX_LINE_BYTES, toLine, toWireError } from './engine-host-protocol.ts';

const A = { user: 'etl_reader', password: 'host-PW-a-5c1e', database: 'orders' };
const B = { user: 'etl_other', password: 'host-PW-b-81d3', database: 'invoices' };

const fake = (tenant: typeof A) => new PostgresFake().withSharedEngine().withUser(tenant.user, tenant.password).withDatabase(tenant.database, { owner: tenant.user });
/** A fake started, logged into as its user, stopped. */
async function loginOnce(tenant: typeof A): Promise<void> {
  const db = await fake(tenant).start();
  try {
    expect(await pgLogin(db, tenant)).toBe(tenant.user);
  } finally {
    await db.stop();
  }
}
const failure = (promise: Promise<unknown>) => promise.then(() => 'logged in', (error: Error) => error.message);
/** The engines below this process, by their main process (a backend just forked still shows its parent's arguments). */
function engines() {
  const found = engineDescendants().filter((info) => info.args.includes('-p'));
  return found.filter((info) => !found.some((parent) => parent.pid === info.ppid));
}
const enginesOn = (port: number) => engines().filter((info) => info.args.includes(String(port)));

/** What the `debug` namespace logs until restore(). */
function captureDebug(namespace: string): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const previous = { log: createDebug.log, namespaces: createDebug.disable() };
  createDebug.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  createDebug.enable(previous.namespaces ? `${previous.namespaces},${namespace}` : namespace);
  return {
    lines,
    restore: () => {
      createDebug.log = previous.log;
      createDebug.enable(previous.namespaces);
    },
  };
}

/** Another process's connection to the host, speaking the protocol by hand. */
class RawClient {
  readonly socket: Socket;
  readonly lines: Array<Record<string, unknown>> = [];

  constructor(path: string) {
    this.socket = createConnection(path);
    this.socket.on(
      'data',
      lineReader(
        (line) => this.lines.push(JSON.parse(line) as Record<string, unknown>),
        () => this.socket.destroy(),
      ),
    );
    this.socket.on('error', () => undefined);
  }

  send(message: unknown): void {
    this.socket.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  }

  lease(id: number, tenant: typeof A, settings: { tls?: boolean; requireTls?: boolean } = {}): void {
    const config = {
      engine: 'postgresql',
      runtime: 'embedded',
      tls: settings.tls ?? false,
      requireTls: settings.requireTls ?? false,
      users: [{ name: tenant.user, password: tenant.password }],
      databases: [{ name: tenant.database, owner: tenant.user }],
    };
    this.send({ id, op: 'lease', config });
  }

  answer(id: number): Record<string, unknown> | undefined {
    return this.lines.find((line) => line.id === id && 'ok' in line);
  }

  closed(): Promise<void> {
    return new Promise((resolve) => (this.socket.destroyed ? resolve() : this.socket.once('close', () => resolve())));
  }
}

describe('EngineHost', () => {
  let host: StartedEngineHost;
  const before = process.env[ENGINE_HOST_ENV];

  beforeAll(async () => {
    host = await EngineHost.start();
    process.env[ENGINE_HOST_ENV] = host.path;
  });
  afterAll(async () => {
    if (before === undefined) delete process.env[ENGINE_HOST_ENV];
    else process.env[ENGINE_HOST_ENV] = before;
    await host.stop();
  });

  it('starts an engine ahead, then leases it to a fake of another process: real logins, its transcript, its users dropped at stop', { timeout: 60_000 }, async () => {
    const count = () => engines().length;
    const already = count();
    host.prestart('postgresql', 'embedded');
    await vi.waitFor(() => expect(count()).toBe(already + 1), { timeout: 30_000, interval: 100 });
    const db = await fake(A).start();
    try {
      expect(enginesOn(db.getPort())).toHaveLength(1);
      expect(count()).toBe(already + 1);
      expect(await pgLogin(db, A)).toBe(A.user);
      // Recorded by the host, in the fake's own transcript.
      expect(db.getTranscript().map((entry) => entry.kind)).toEqual(['engine', 'user-created', 'database-created', 'started']);
      expect(db.getTranscript().at(-1)!.detail).toMatchObject({ shared: true, port: db.getPort() });
      expect(JSON.stringify(db.getTranscript())).not.toContain(A.password);
    } finally {
      await db.stop();
    }
    expect(await failure(pgLogin(db, A))).toMatch(/password authentication failed|does not exist/);
  });

  it('makes a lease with the same names from another connection wait until the first is done, then gives it the same engine', { timeout: 60_000 }, async () => {
    const db = await fake(A).start();
    const other = new RawClient(host.path);
    try {
      other.lease(1, A);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(other.answer(1)).toBeUndefined();
      await db.stop();
      await vi.waitFor(() => expect(other.answer(1)).toMatchObject({ ok: true, port: db.getPort() }), { timeout: 10_000 });
      // Its transcript entries came before the answer.
      expect(other.lines.filter((line) => line.id === 1 && 'record' in line).map((line) => (line.record as { kind: string }).kind)).toEqual(['engine', 'user-created', 'database-created', 'started']);
    } finally {
      other.socket.destroy();
      await other.closed();
    }
  });

  it('lets two leases woken by one release take the engine in turn, not start another for the second', { timeout: 60_000 }, async () => {
    const C = { user: 'etl_turns', password: 'host-PW-c-3e7a', database: 'turns' };
    const clients = [new RawClient(host.path), new RawClient(host.path), new RawClient(host.path)];
    const logged = captureDebug('partner-harness:fake:db');
    try {
      clients[0]!.lease(1, C);
      await vi.waitFor(() => expect(clients[0]!.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
      clients[1]!.lease(1, C);
      clients[2]!.lease(1, C);
      await new Promise((resolve) => setTimeout(resolve, 200));
      clients[0]!.send({ id: 2, op: 'release', lease: 1 });
      await vi.waitFor(() => expect(clients.filter((client) => client.answer(1)?.ok)).toHaveLength(2), { timeout: 30_000 });
      const next = clients.find((client, index) => index > 0 && client.answer(1))!;
      next.send({ id: 2, op: 'release', lease: 1 });
      await vi.waitFor(() => expect(clients.filter((client) => client.answer(1)?.ok)).toHaveLength(3), { timeout: 30_000 });
      expect(new Set(clients.map((client) => client.answer(1)!.port)).size).toBe(1);
      expect(logged.lines.join('\n')).not.toMatch(/waited|initialised/);
    } finally {
      logged.restore();
      for (const client of clients) client.socket.destroy();
      await Promise.all(clients.map((client) => client.closed()));
    }
  });

  it("does not make a client's second fake with the same names wait for its first: that one is given back only when its scenario ends", { timeout: 60_000 }, async () => {
    const client = new RawClient(host.path);
    const logged = captureDebug('partner-harness:fake:db');
    try {
      client.lease(1, A);
      await vi.waitFor(() => expect(client.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
      client.lease(2, A);
      await vi.waitFor(() => expect(client.answer(2)).toMatchObject({ ok: true }), { timeout: 30_000 });
      expect(client.answer(2)!.port).not.toBe(client.answer(1)!.port);
      expect(logged.lines.join('\n')).not.toContain('waited');
    } finally {
      logged.restore();
      client.socket.destroy();
      await client.closed();
    }
  });

  it('gives back the users and databases of a client that disconnects, so the next fake has them at once', { timeout: 60_000 }, async () => {
    const gone = new RawClient(host.path);
    gone.lease(7, A);
    await vi.waitFor(() => expect(gone.answer(7)).toMatchObject({ ok: true }), { timeout: 30_000 });
    const running = engines().length;
    const at = { getHost: () => '127.0.0.1', getPort: () => gone.answer(7)!.port as number } as StartedDbFake;
    expect(await pgLogin(at, A)).toBe(A.user);
    gone.socket.destroy();
    await vi.waitFor(async () => expect(await failure(pgLogin(at, A))).toMatch(/password authentication failed|does not exist/), { timeout: 10_000 });
    const logged = captureDebug('partner-harness:fake:db');
    try {
      await loginOnce(A);
    } finally {
      logged.restore();
    }
    // Neither waited for the names nor started an engine for them.
    expect(logged.lines.join('\n')).not.toMatch(/waited|initialised/);
    expect(engines()).toHaveLength(running);
  });

  it('answers a request it cannot take with an error, closes a connection that sends no JSON or too long a line, and serves the others', { timeout: 60_000 }, async () => {
    const wrong = new RawClient(host.path);
    wrong.send({ id: 1, op: 'lease', config: { engine: 'oracle', runtime: 'embedded', tls: false, requireTls: false, users: [], databases: [] } });
    wrong.send({ id: 2, op: 'lease', config: { engine: 'postgresql', runtime: 'embedded', tls: false, requireTls: false, users: [{ name: 'x' }], databases: [] } });
    wrong.send({ id: 3, op: 'drop everything' });
    // A name the builder refuses (the engine's own database) is refused here too: never created, never dropped.
    wrong.lease(4, { ...A, database: 'postgres' });
    await vi.waitFor(() => expect([1, 2, 3, 4].map((id) => wrong.answer(id)?.ok)).toEqual([false, false, false, false]));
    expect(wrong.answer(4)!.error).toMatchObject({ name: 'InvalidOptionError', message: expect.stringContaining("'postgres' already exists in a new server or is reserved") });
    expect(wrong.socket.destroyed).toBe(false);
    wrong.send('not json');
    await wrong.closed();
    for (const line of ['null', '[]', '"text"', '{"op":"lease"}']) {
      const odd = new RawClient(host.path);
      odd.send(line);
      await odd.closed();
    }

    const long = new RawClient(host.path);
    long.socket.write('x'.repeat(MAX_LINE_BYTES + 1));
    await long.closed();

    await loginOnce(A);
  });

  it('gives a lease back once, however often it is released: the engine still counts the next fake as its holder', { timeout: 60_000 }, async () => {
    const first = new RawClient(host.path);
    const second = new RawClient(host.path);
    const third = new RawClient(host.path);
    try {
      first.lease(1, A);
      await vi.waitFor(() => expect(first.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
      // Two releases of one lease, handled at once; then a lease id already in use is refused.
      first.socket.write(toLine({ id: 2, op: 'release', lease: 1 }) + toLine({ id: 3, op: 'release', lease: 1 }));
      await vi.waitFor(() => expect([2, 3].map((id) => first.answer(id)?.ok)).toEqual([true, true]));
      second.lease(1, A);
      await vi.waitFor(() => expect(second.answer(1)).toMatchObject({ ok: true, port: first.answer(1)!.port }), { timeout: 30_000 });
      second.lease(1, B);
      const answersTo1 = () => second.lines.filter((line) => line.id === 1 && 'ok' in line);
      await vi.waitFor(() => expect(answersTo1()).toHaveLength(2));
      expect(answersTo1()[1]).toMatchObject({ ok: false, error: { message: 'engine host: lease 1 is already taken' } });
      // Counted twice out, the engine would look idle and switch to TLS required under the second fake.
      third.lease(1, B, { tls: true, requireTls: true });
      await vi.waitFor(() => expect(third.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
      expect(third.answer(1)!.port).not.toBe(second.answer(1)!.port);
      const at = { getHost: () => '127.0.0.1', getPort: () => second.answer(1)!.port as number } as StartedDbFake;
      expect(await pgLogin(at, A)).toBe(A.user);
    } finally {
      for (const client of [first, second, third]) client.socket.destroy();
      await Promise.all([first, second, third].map((client) => client.closed()));
    }
  });

  it('abandons the waiting lease of a client that leaves: no engine is started for it', { timeout: 60_000 }, async () => {
    const holder = new RawClient(host.path);
    const leaving = new RawClient(host.path);
    const logged = captureDebug('partner-harness:fake:db');
    try {
      holder.lease(1, A);
      await vi.waitFor(() => expect(holder.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
      const running = engines().length;
      leaving.lease(1, A);
      await new Promise((resolve) => setTimeout(resolve, 200));
      leaving.socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(engines()).toHaveLength(running);
      expect(logged.lines.join('\n')).not.toMatch(/waited|initialised/);
    } finally {
      logged.restore();
      holder.socket.destroy();
      await holder.closed();
    }
  });

  it('leaves a fake with an engine of its own process when nothing answers at the path', { timeout: 60_000 }, async () => {
    process.env[ENGINE_HOST_ENV] = `${host.path}.missing`;
    try {
      await loginOnce(A);
    } finally {
      process.env[ENGINE_HOST_ENV] = host.path;
    }
  });

  it('reads lines split anywhere, a multi-byte character too, and refuses one longer than the limit', () => {
    const lines: string[] = [];
    let tooLong = 0;
    const read = lineReader((line) => lines.push(line), () => (tooLong += 1));
    const bytes = Buffer.from('{"password":"pässwörd"}\n{"id":2}\n');
    // Byte 15 is the middle of 'ä'.
    for (const [from, to] of [[0, 15], [15, 16], [16, bytes.length]]) read(bytes.subarray(from, to));
    expect(lines).toEqual(['{"password":"pässwörd"}', '{"id":2}']);
    read(Buffer.alloc(MAX_LINE_BYTES, 0x61));
    expect(tooLong).toBe(0);
    read(Buffer.from('a'));
    expect(tooLong).toBe(1);
  });

  it('keeps our error classes across the socket', () => {
    const error = fromWireError(toWireError(new FakeStartError('PostgresFake: the engine exited during start-up')));
    expect(error).toBeInstanceOf(FakeStartError);
    expect(error).toMatchObject({ code: 'FAKE_START_FAILED', message: 'PostgresFake: the engine exited during start-up' });
    expect(fromWireError({ name: 'TypeError', message: 'boom' })).toMatchObject({ name: 'TypeError', message: 'boom' });
  });
});

describe('StartedEngineHost.stop()', () => {
  it('ends the leases, stops the engines and removes the folder of its socket', { timeout: 60_000 }, async () => {
    const host = await EngineHost.start();
    const client = new RawClient(host.path);
    client.lease(1, A);
    await vi.waitFor(() => expect(client.answer(1)).toMatchObject({ ok: true }), { timeout: 30_000 });
    const port = client.answer(1)!.port as number;
    expect(enginesOn(port)).toHaveLength(1);
    await host.stop();
    await client.closed();
    expect(existsSync(dirname(host.path))).toBe(false);
    await vi.waitFor(() => expect(enginesOn(port)).toHaveLength(0), { timeout: 10_000 });
  });
});
