import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { FaultProxy } from './index.ts';
import { sleep, startServer, TestClient } from './net-test-helpers.ts';

// Lower bounds only: a loaded CI machine can always be slower, never faster.
describe('FaultProxy timing faults', () => {
  it('latency delays each answer by at least ms', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'latency', ms: 100 }).start();
    const client = await TestClient.connect(proxy.getPort());
    for (let i = 0; i < 3; i += 1) expect(await client.roundTrip(`ping ${i}`)).toBeGreaterThanOrEqual(100);
  });

  it('latency defaults to downstream and can delay upstream instead', async () => {
    let arrivedAt = 0;
    await using greeter = await startServer((socket) => {
      socket.write('hello');
      socket.once('data', () => (arrivedAt = performance.now()));
    });
    await using down = await new FaultProxy().withTarget('127.0.0.1', greeter.port).withFault({ kind: 'latency', ms: 120 }).start();
    let start = performance.now();
    const first = await TestClient.connect(down.getPort());
    await first.waitForBytes(5);
    expect(performance.now() - start).toBeGreaterThanOrEqual(120);

    await using up = await new FaultProxy().withTarget('127.0.0.1', greeter.port).withFault({ kind: 'latency', ms: 120, direction: 'upstream' }).start();
    const second = await TestClient.connect(up.getPort());
    await second.waitForBytes(5);
    start = performance.now();
    second.socket.write('x');
    while (arrivedAt < start) await sleep(2);
    expect(arrivedAt - start).toBeGreaterThanOrEqual(120);
  });

  it('jitter keeps every delay at or above ms and keeps chunk order', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'latency', ms: 40, jitterMs: 60 }).start();
    const client = await TestClient.connect(proxy.getPort());
    for (let i = 0; i < 4; i += 1) expect(await client.roundTrip(`ping ${i}`)).toBeGreaterThanOrEqual(40);
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}\n`);
    const before = client.bytes();
    for (const line of lines) {
      client.socket.write(line);
      await sleep(1); // separate chunks, each with its own random delay
    }
    await client.waitForBytes(before + lines.join('').length);
    expect(client.text().slice(before)).toBe(lines.join(''));
  });

  it('bandwidth: 20 KB at 40 KB/s takes about half a second', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'bandwidth', bytesPerSecond: 40_000 }).start();
    const client = await TestClient.connect(proxy.getPort());
    const payload = Buffer.alloc(20_000, 'z');
    const start = performance.now();
    client.socket.write(payload);
    await client.waitForBytes(payload.length);
    expect(performance.now() - start).toBeGreaterThanOrEqual(450);
    expect(Buffer.concat(client.received).equals(payload)).toBe(true);
  });

  it('slow-close delays the FIN both ways', async () => {
    await using sayBye = await startServer((socket) => socket.end('bye'));
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', sayBye.port).withFault({ kind: 'slow-close', ms: 200 }).start();
    const start = performance.now();
    const client = await TestClient.connect(proxy.getPort());
    await client.waitForBytes(3);
    client.socket.end();
    await client.closed;
    expect(client.text()).toBe('bye');
    expect(client.endedAt! - start).toBeGreaterThanOrEqual(200);

    let serverEndAt = 0;
    await using echo = await startServer((socket) => socket.on('end', () => (serverEndAt = performance.now())).resume());
    await using toEcho = await new FaultProxy().withTarget('127.0.0.1', echo.port).withFault({ kind: 'slow-close', ms: 150 }).start();
    const other = await TestClient.connect(toEcho.getPort());
    const finAt = performance.now();
    other.socket.end();
    await other.closed;
    expect(serverEndAt - finAt).toBeGreaterThanOrEqual(150);
  });

  it('latency toggled mid-connection affects the next chunks, and removing it releases queued ones', async () => {
    await using echo = await startServer();
    await using proxy = await new FaultProxy().withTarget('127.0.0.1', echo.port).start();
    const client = await TestClient.connect(proxy.getPort());
    await client.roundTrip('before');
    const name = proxy.addFault({ kind: 'latency', ms: 150 });
    expect(await client.roundTrip('during')).toBeGreaterThanOrEqual(150);
    proxy.removeFault(name);
    await client.roundTrip('after');

    const long = proxy.addFault({ kind: 'latency', ms: 60_000 });
    const stuck = client.roundTrip('stuck');
    await sleep(100);
    expect(client.text()).not.toContain('stuck');
    proxy.removeFault(long);
    await stuck; // would take a minute if the queued chunk kept its delay
    expect(client.text()).toBe('beforeduringafterstuck');
  });
});
