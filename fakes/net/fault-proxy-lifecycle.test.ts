import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from './index.ts';
import { startServer, TestClient, tryConnect } from './net-test-helpers.ts';

const CANARY = 'canary-payload-7d31b2';

describe('FaultProxy lifecycle', () => {
  it('passes an echo through unchanged, both ways, with FIN passed on', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    expect(proxy.getHost()).toBe('127.0.0.1');
    const client = await TestClient.connect(proxy.getPort());
    const payload = Buffer.alloc(256 * 1024, 'abcdefgh');
    client.socket.end(payload);
    await client.closed;
    expect(client.error).toBeUndefined();
    expect(Buffer.concat(client.received).equals(payload)).toBe(true);
  });

  it('validates eagerly and names the field', () => {
    expect(() => new FaultProxy().withTarget('127.0.0.1', 0)).toThrow(/withTarget: invalid port 0; use 1..65535/);
    expect(() => new FaultProxy().withPort(70000)).toThrow(/withPort: invalid port 70000/);
    expect(() => new FaultProxy().withHost('bad host')).toThrow(/withHost: invalid host/);
    expect(() => new FaultProxy().withFault({ kind: 'latency', ms: -1 })).toThrow(/withFault: latency needs ms >= 0, got -1/);
    expect(() => new FaultProxy().withFault({ kind: 'bandwidth', bytesPerSecond: 0 })).toThrow(/bytesPerSecond >= 1/);
    expect(() => new FaultProxy().withFault({ kind: 'nope' } as never)).toThrow(/unknown fault .*kind must be one of latency/);
    expect(() => new FaultProxy().withFault({ kind: 'latency', ms: 1, direction: 'sideways' as never })).toThrow(/direction must be one of/);
    expect(() => new FaultProxy().withFault({ kind: 'refuse' }, { name: 'x' }).withFault({ kind: 'blackhole' }, { name: 'x' })).toThrow(
      /a fault named 'x' already exists/,
    );
    return expect(new FaultProxy().start()).rejects.toThrow(/no target; call withTarget/);
  });

  it('names faults, lists them in order and removes them', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy()
      .withTarget('127.0.0.1', echo.port)
      .withFault({ kind: 'latency', ms: 10 })
      .withFault({ kind: 'slow-close', ms: 5 }, { name: 'lazy-fin' })
      .start();
    const name = proxy.addFault({ kind: 'bandwidth', bytesPerSecond: 1000, direction: 'both' });
    expect(proxy.getFaults().map((f) => f.name)).toEqual(['latency-1', 'lazy-fin', name]);
    expect(name).toBe('bandwidth-3');
    expect(() => proxy.removeFault('missing')).toThrow(/no fault named 'missing'; current: latency-1, lazy-fin, bandwidth-3/);
    proxy.removeFault('lazy-fin');
    expect(proxy.getFaults()).toEqual([
      { name: 'latency-1', fault: { kind: 'latency', ms: 10 } },
      { name: 'bandwidth-3', fault: { kind: 'bandwidth', bytesPerSecond: 1000, direction: 'both' } },
    ]);
    proxy.clearFaults();
    expect(proxy.getFaults()).toEqual([]);
  });

  it('stop() destroys open pairs, frees the port and is idempotent', async () => {
    await using echo = await startServer();
    const proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    const port = proxy.getPort();
    const client = await TestClient.connect(port);
    await client.roundTrip('hello');
    expect(echo.sockets.size).toBe(1);
    const [upstream] = echo.sockets;
    const upstreamClosed = once(upstream!, 'close');
    await proxy.stop();
    await client.closed;
    await upstreamClosed;
    await proxy.stop();
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
    expect(proxy.getTranscript().at(-1)?.kind).toBe('stopped');
  });

  it('leaves no servers, sockets or timers behind', async () => {
    await using echo = await startServer();
    const count = () => process.getActiveResourcesInfo().filter((type) => /TCP|Timeout/.test(type)).length;
    const baseline = count();
    for (let i = 0; i < 20; i += 1) {
      const proxy = await new FaultProxy()
        .withTarget('127.0.0.1', echo.port)
        .withFault({ kind: 'latency', ms: 5_000 })
        .withFault({ kind: 'timeout', ms: 60_000 }, { name: 'later' })
        .start();
      const client = await TestClient.connect(proxy.getPort());
      client.socket.write('queued behind the latency');
      proxy.removeFault('later');
      proxy.addFault({ kind: 'refuse' });
      await proxy.stop();
      await client.closed;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(count()).toBeLessThanOrEqual(baseline);
  });

  it('explains a busy port', async () => {
    await using echo = await startServer();
    await expect(new FaultProxy().withTarget('127.0.0.1', echo.port).withPort(echo.port).start()).rejects.toThrow(
      new RegExp(`cannot listen on 127.0.0.1:${echo.port} \\(EADDRINUSE\\)`),
    );
  });

  it('closes the client when the target is down, and says so in the transcript', async () => {
    const echo = await startServer();
    const port = echo.port;
    await echo[Symbol.asyncDispose]();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', port).start();
    const client = await TestClient.connect(proxy.getPort());
    await client.closed;
    expect(client.bytes()).toBe(0);
    expect(proxy.getTranscript().find((e) => e.kind === 'upstream-error')?.detail).toMatchObject({ connection: 1, code: 'ECONNREFUSED' });
  });

  it('transcript counts bytes each way and faults applied, never payload', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'latency', ms: 5, direction: 'both' }).start();
    const client = await TestClient.connect(proxy.getPort());
    await client.roundTrip(CANARY);
    client.socket.end(`${CANARY}-bye`);
    await client.closed;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const transcript = proxy.getTranscript();
    const json = JSON.stringify(transcript);
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(Buffer.from(CANARY).toString('hex'));
    expect(json).not.toContain(Buffer.from(CANARY).toString('base64').slice(0, 16));
    const total = CANARY.length * 2 + 4;
    expect(transcript.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['fault-added', 'listening', 'accepted', 'upstream-connected', 'fault-applied', 'closed']),
    );
    expect(transcript.find((e) => e.kind === 'closed')?.detail).toEqual({
      connection: 1,
      reason: 'client-closed',
      upstream: { received: total, forwarded: total, dropped: 0 },
      downstream: { received: total, forwarded: total, dropped: 0 },
    });
    expect(transcript.filter((e) => e.kind === 'fault-applied').map((e) => e.detail)).toEqual([
      { connection: 1, name: 'latency-1', kind: 'latency', flow: 'upstream' },
      { connection: 1, name: 'latency-1', kind: 'latency', flow: 'downstream' },
    ]);
  });
});

describe('FaultProxy backpressure', () => {
  it('a client that stops reading stalls the target instead of filling the proxy', async () => {
    const total = 128 * 1024 * 1024;
    let serverSocket: import('node:net').Socket | undefined;
    await using flood = await startServer((socket) => {
      serverSocket = socket;
      const block = Buffer.alloc(1024 * 1024, 'f');
      for (let sent = 0; sent < total; sent += block.length) socket.write(block);
      socket.end();
    });
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', flood.port).start();
    const client = await TestClient.connect(proxy.getPort());
    client.socket.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Kernel buffers hold up to tens of MB on each hop (tcp_rmem max); the rest must wait in the target.
    expect(serverSocket!.writableLength).toBeGreaterThan(total / 4);
    expect(client.bytes()).toBeLessThan(total);
    client.socket.resume();
    await client.closed;
    expect(client.bytes()).toBe(total);
  });
});
