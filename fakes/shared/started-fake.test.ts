import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeServer } from './close-server.ts';
import { listen } from './listen.ts';
import { SocketSet } from './socket-set.ts';
import { StartedFakeBase } from './started-fake.ts';

/** A real listener on loopback whose close() can be made to fail or to wait. */
class ListeningFake extends StartedFakeBase {
  closeCalls = 0;
  stoppingDuringClose?: boolean;
  failWith?: Error;
  readonly #server: Server = createServer();
  readonly #sockets = new SocketSet();
  #host = '';
  #port = 0;

  static async start(host = '127.0.0.1'): Promise<ListeningFake> {
    const fake = new ListeningFake();
    fake.#host = host;
    fake.#port = await listen(fake.#server, host, 0, 'ListeningFake');
    return fake;
  }

  getHost(): string {
    return this.#host;
  }

  getPort(): number {
    return this.#port;
  }

  getUrl(): string {
    return this.formatUrl('tcp');
  }

  isListening(): boolean {
    return this.#server.listening;
  }

  protected async close(): Promise<void> {
    this.closeCalls++;
    this.stoppingDuringClose = this.isStopping;
    await closeServer(this.#server, this.#sockets);
    if (this.failWith) throw this.failWith;
  }
}

describe('StartedFakeBase', () => {
  it('closes once however often stop() is called, and every call gets the same promise', async () => {
    const fake = await ListeningFake.start();
    expect(fake.isListening()).toBe(true);
    const first = fake.stop();
    const concurrent = fake.stop();
    expect(concurrent).toBe(first);
    await Promise.all([first, concurrent]);
    expect(fake.stop()).toBe(first);
    await fake.stop();
    expect(fake.closeCalls).toBe(1);
    expect(fake.isListening()).toBe(false);
    expect(fake.getTranscript().filter((entry) => entry.kind === 'stopped')).toEqual([expect.objectContaining({ detail: {} })]);
  });

  it('counts as stopping from the first stop() on, already inside close()', async () => {
    const fake = await ListeningFake.start();
    await fake.stop();
    expect(fake.stoppingDuringClose).toBe(true);
  });

  it('stops on Symbol.asyncDispose, and a later stop() does nothing more', async () => {
    let kept: ListeningFake;
    {
      await using fake = await ListeningFake.start();
      kept = fake;
      expect(fake.isListening()).toBe(true);
    }
    expect(kept.isListening()).toBe(false);
    await kept.stop();
    expect(kept.closeCalls).toBe(1);
  });

  it('a failing close() leaves the fake stopped: every stop() rejects with that error, close() is not retried', async () => {
    const fake = await ListeningFake.start();
    const failure = new Error('engine did not exit');
    fake.failWith = failure;
    const [first, concurrent] = await Promise.allSettled([fake.stop(), fake.stop()]);
    expect(first).toEqual({ status: 'rejected', reason: failure });
    expect(concurrent).toEqual({ status: 'rejected', reason: failure });
    await expect(fake.stop()).rejects.toBe(failure);
    await expect(fake[Symbol.asyncDispose]()).rejects.toBe(failure);
    expect(fake.closeCalls).toBe(1);
    expect(fake.getTranscript().filter((entry) => entry.kind === 'stopped')).toEqual([expect.objectContaining({ detail: { error: 'engine did not exit' } })]);
  });

  it('formats its URL with the scheme, bracketing an IPv6 host', async () => {
    await using v4 = await ListeningFake.start('127.0.0.1');
    expect(v4.getUrl()).toBe(`tcp://127.0.0.1:${v4.getPort()}`);
    const v6 = await ListeningFake.start('::1').catch(() => undefined);
    if (!v6) return; // no IPv6 loopback on this machine
    await using _ = v6;
    expect(v6.getUrl()).toBe(`tcp://[::1]:${v6.getPort()}`);
  });
});
