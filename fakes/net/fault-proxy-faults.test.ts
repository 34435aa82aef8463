import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from './index.ts';
import { sleep, startServer, TestClient, tryConnect } from './net-test-helpers.ts';

describe('FaultProxy connection faults', () => {
  it('reset-after N bytes: the client gets at most N bytes, then ECONNRESET', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'reset-after', bytes: 1000 }).start();
    const client = await TestClient.connect(proxy.getPort());
    client.socket.write(Buffer.alloc(5000, 'r'));
    await client.closed;
    expect(client.error?.code).toBe('ECONNRESET');
    expect(client.bytes()).toBeLessThanOrEqual(1000);
    const applied = proxy.getTranscript().find((e) => e.kind === 'fault-applied');
    expect(applied?.detail).toEqual({ connection: 1, name: 'reset-after-1', kind: 'reset-after', flow: 'downstream', action: 'reset' });
  });

  it('reset-after upstream lets at most N bytes reach the target', async () => {
    let received = 0;
    let serverError: string | undefined;
    await using sink = await startServer((socket) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      socket.on('error', (error: NodeJS.ErrnoException) => (serverError = error.code));
    });
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', sink.port).withFault({ kind: 'reset-after', bytes: 300, direction: 'upstream' }).start();
    const client = await TestClient.connect(proxy.getPort());
    for (let i = 0; i < 10; i += 1) client.socket.write(Buffer.alloc(100, 'u'));
    await client.closed;
    await sleep(50);
    expect(client.error?.code).toBe('ECONNRESET');
    expect(received).toBeLessThanOrEqual(300);
    expect(serverError).toBe('ECONNRESET');
  });

  it('reset-on-accept resets before any data and never dials the target', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'reset-on-accept' }).start();
    const client = await TestClient.connect(proxy.getPort()).catch((error: NodeJS.ErrnoException) => error);
    if (client instanceof TestClient) {
      client.socket.write('anyone there?');
      await client.closed;
      expect(client.bytes()).toBe(0);
      expect(client.error?.code ?? 'closed').toMatch(/ECONNRESET|EPIPE|closed/);
    } else {
      expect(client.code).toBe('ECONNRESET');
    }
    expect(echo.sockets.size).toBe(0);
  });

  it('blackhole accepts and reads but never answers or closes', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'blackhole' }).start();
    const client = await TestClient.connect(proxy.getPort());
    client.socket.write('hello?');
    client.socket.end();
    await sleep(300);
    expect(client.bytes()).toBe(0);
    expect(client.closedAt).toBeUndefined();
    expect(client.endedAt).toBeUndefined();
    expect(echo.sockets.size).toBe(0);
  });

  it('blackhole added mid-connection drops data both ways until removed', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    const client = await TestClient.connect(proxy.getPort());
    await client.roundTrip('one');
    const name = proxy.addFault({ kind: 'blackhole' });
    client.socket.write('lost');
    await sleep(300);
    expect(client.text()).toBe('one');
    proxy.removeFault(name);
    await client.roundTrip('two');
    expect(client.text()).toBe('onetwo');
  });

  it('refuse closes the listener, keeps open connections, and listens again on the same port', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    const port = proxy.getPort();
    const open = await TestClient.connect(port);
    const name = proxy.addFault({ kind: 'refuse' });
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    await open.roundTrip('still here');
    proxy.removeFault(name);
    expect(await tryConnect(port)).toBe('connected');
    await proxy.settled();
    expect(proxy.getPort()).toBe(port);
    const again = await TestClient.connect(port);
    await again.roundTrip('back');
    expect(proxy.getTranscript().map((e) => e.kind)).toEqual(expect.arrayContaining(['refusing', 'listening']));
  });

  it('refuse from the start still owns its port', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'refuse' }, { name: 'down' }).start();
    expect(proxy.getPort()).toBeGreaterThan(0);
    expect(await tryConnect(proxy.getPort())).toBe('ECONNREFUSED');
    proxy.clearFaults();
    await proxy.settled();
    const client = await TestClient.connect(proxy.getPort());
    await client.roundTrip('up');
  });

  it('timeout drops data and closes the connection after ms', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'timeout', ms: 200 }).start();
    const start = performance.now();
    const client = await TestClient.connect(proxy.getPort());
    client.socket.write('into the void');
    await client.closed;
    expect(client.closedAt! - start).toBeGreaterThanOrEqual(200);
    expect(client.bytes()).toBe(0);
    await sleep(50);
    const closed = proxy.getTranscript().find((e) => e.kind === 'closed');
    expect(closed?.detail).toMatchObject({ reason: 'timeout-1', upstream: { received: 13, forwarded: 0, dropped: 13 } });
  });

  it('timeout 0 never closes; removing it resumes forwarding', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    const client = await TestClient.connect(proxy.getPort());
    const name = proxy.addFault({ kind: 'timeout', ms: 0 });
    client.socket.write('dropped');
    await sleep(300);
    expect(client.bytes()).toBe(0);
    expect(client.closedAt).toBeUndefined();
    proxy.removeFault(name);
    await client.roundTrip('kept');
    expect(client.text()).toBe('kept');
  });
});
