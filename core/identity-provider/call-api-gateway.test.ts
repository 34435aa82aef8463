import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApiGateway, MAX_PROVIDER_ANSWER_BYTES } from './call-api-gateway.ts';
import type { ProviderRequest } from './provider-request.ts';

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

const replies: Record<string, Reply> = {
  ok: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"Role":"r"}'),
  forbidden: (_req, res) => res.writeHead(403).end('{"message":"Forbidden"}'),
  redirect: (_req, res) => res.writeHead(302, { location: '/prod/servers/s-1/users/ok/config' }).end(),
  huge: (_req, res) => {
    res.writeHead(200);
    res.end(Buffer.alloc(MAX_PROVIDER_ANSWER_BYTES + 1, 'a'));
  },
  cut: (_req, res) => {
    res.writeHead(200, { 'content-length': '100' });
    res.write('{"Role":');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  hang: () => undefined,
};

let server: ReturnType<typeof createServer>;
let base: string;
const seen: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, headers: req.headers });
    const user = decodeURIComponent(req.url!.split('/')[5] ?? '');
    (replies[user] ?? replies.ok!)(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const attempt = (username: string, password?: string): ProviderRequest => ({ serverId: 's-1', username, password, protocol: 'SFTP', sourceIp: '127.0.0.1' });
const connections = () => new Promise<number>((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n))));

describe('callApiGateway', () => {
  it('returns the status and body of any answer, and sends only the documented headers', async () => {
    expect(await callApiGateway(base, attempt('ok', 'pw'), { timeoutMs: 5_000 })).toEqual({ kind: 'answered', status: 200, body: '{"Role":"r"}' });
    expect(await callApiGateway(base, attempt('forbidden'), { timeoutMs: 5_000 })).toEqual({ kind: 'answered', status: 403, body: '{"message":"Forbidden"}' });
    const { headers } = seen.find((r) => r.url.includes('/users/ok/'))!;
    expect(Object.keys(headers).sort()).toEqual(['connection', 'host', 'password', 'passwordbase64']);
    expect(headers.connection).toBe('close');
  });

  it('follows no redirect: a 302 is the answer', async () => {
    const before = seen.length;
    expect(await callApiGateway(base, attempt('redirect'), { timeoutMs: 5_000 })).toMatchObject({ kind: 'answered', status: 302 });
    expect(seen.length).toBe(before + 1);
  });

  it('gives up after timeoutMs and leaves no connection behind', async () => {
    const started = performance.now();
    expect(await callApiGateway(base, attempt('hang'), { timeoutMs: 150 })).toEqual({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect.poll(connections).toBe(0);
  });

  it('settles at once when the signal is aborted, before or during the call', async () => {
    expect(await callApiGateway(base, attempt('ok'), { timeoutMs: 5_000, signal: AbortSignal.abort(new Error('client disconnected')) })).toEqual({
      kind: 'abandoned',
      reason: 'client disconnected',
    });
    const controller = new AbortController();
    const call = callApiGateway(base, attempt('hang'), { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('fake stopping')), 50);
    expect(await call).toEqual({ kind: 'abandoned', reason: 'fake stopping' });
    await expect.poll(connections).toBe(0);
  });

  it('refuses an answer over the size limit and one cut off mid-way', async () => {
    expect(await callApiGateway(base, attempt('huge'), { timeoutMs: 5_000 })).toEqual({ kind: 'failed', reason: `answer larger than ${MAX_PROVIDER_ANSWER_BYTES} bytes` });
    expect(await callApiGateway(base, attempt('cut'), { timeoutMs: 5_000 })).toMatchObject({ kind: 'failed' });
  });

  it('names the network error when nothing listens', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await callApiGateway(`http://127.0.0.1:${port}/prod`, attempt('ok'), { timeoutMs: 5_000 })).toEqual({ kind: 'failed', reason: 'ECONNREFUSED' });
  });

  it('sends nothing for a password no header can carry, and keeps the password out of the reason', async () => {
    const before = seen.length;
    const outcome = await callApiGateway(base, attempt('ok', 'evil\r\nX-Injected: 1'), { timeoutMs: 5_000 });
    expect(outcome).toEqual({ kind: 'failed', reason: expect.stringMatching(/control characters/) });
    expect(JSON.stringify(outcome)).not.toContain('evil');
    expect(seen.length).toBe(before);
  });
});
