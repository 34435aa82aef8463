import { createServer } from 'node:net';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { behaviours } from './behaviours/behaviours.ts';
import { IdpFake } from './idp-fake.ts';
import type { IdpUser } from './idp-user.ts';
import { askIdp, fetchIdp } from './idp-test-client.ts';

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const CANARY = 'canary-PW-7d2a91';
const alice: IdpUser = { username: 'alice', password: CANARY, role: ROLE, homeDirectory: '/bucket/home/alice' };

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('IdpFake lifecycle', () => {
  it('serves under an API Gateway-style invoke URL', async () => {
    await using idp = await new IdpFake().withUsers([alice]).start();
    expect(idp.getHost()).toBe('127.0.0.1');
    expect(idp.getUrl()).toBe(`http://127.0.0.1:${idp.getPort()}/prod`);
    await using staged = await new IdpFake().withStage('test_v2').withUsers([alice]).start();
    expect(staged.getUrl()).toMatch(/\/test_v2$/);
    expect((await askIdp(staged, { username: 'alice', password: CANARY })).json).toHaveProperty('Role', ROLE);
    expect(() => new IdpFake().withStage('a/b')).toThrow(/invalid stage "a\/b"/);
  });

  it('answers unknown paths, methods and stages like API Gateway: 403 Missing Authentication Token', async () => {
    await using idp = await new IdpFake().withUsers([alice]).start();
    const origin = `http://127.0.0.1:${idp.getPort()}`;
    for (const [url, method] of [
      [`${idp.getUrl()}/servers/s-1/users/alice`, 'GET'],
      [`${origin}/dev/servers/s-1/users/alice/config`, 'GET'],
      [`${idp.getUrl()}/servers/s-1/users/alice/config`, 'POST'],
      [`${origin}/`, 'GET'],
    ] as const) {
      const answer = await fetchIdp(url, { method });
      expect(answer.status, `${method} ${url}`).toBe(403);
      expect(answer.json).toEqual({ message: 'Missing Authentication Token' });
      expect(answer.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      expect(answer.headers.get('content-type')).toBe('application/json');
    }
  });

  it('keeps use() overrides per instance and resetHandlers() drops them', async () => {
    const build = () => new IdpFake().withUsers([alice]).start();
    await using first = await build();
    await using second = await build();
    first.use(...behaviours.httpError(503));
    second.use(...behaviours.slow(150), http.get('*/servers/:serverId/users/:username/config', () => HttpResponse.json({ Role: 'second' })));
    const [a, b, c] = await Promise.all([
      askIdp(first, { username: 'alice', password: CANARY }),
      askIdp(second, { username: 'alice', password: CANARY }),
      askIdp(first, { username: 'alice', password: CANARY }),
    ]);
    expect([a.status, b.json, c.status]).toEqual([503, { Role: 'second' }, 503]);

    first.use(...behaviours.invalidJson()); // prepended: now wins over the 503
    expect((await askIdp(first, { username: 'alice', password: CANARY })).status).toBe(200);
    first.resetHandlers();
    expect((await askIdp(first, { username: 'alice', password: CANARY })).json).toHaveProperty('Role', ROLE);
    expect((await askIdp(second, { username: 'alice', password: CANARY })).json).toEqual({ Role: 'second' });
  });

  it('answers 500 when a handler throws', async () => {
    const boom = http.get('*/servers/:serverId/users/:username/config', () => {
      throw new Error('boom');
    });
    await using idp = await new IdpFake().withBehaviour(boom).start();
    const answer = await askIdp(idp, { username: 'alice', password: CANARY });
    expect([answer.status, answer.json]).toEqual([500, { message: 'Internal server error' }]);
  });

  it('stop() frees the port, is idempotent, and cuts short a slow answer', async () => {
    const idp = await new IdpFake().withBehaviour(...behaviours.slow(60_000)).withUsers([alice]).start();
    const port = idp.getPort();
    const pending = askIdp(idp, { username: 'alice', password: CANARY }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await idp.stop();
    await idp.stop();
    expect(await pending).toBeInstanceOf(Error);
    expect(await portIsFree(port)).toBe(true);
    await using again = await new IdpFake().withPort(port).withUsers([alice]).start();
    expect(again.getPort()).toBe(port);
  });

  it('explains a busy port and bad builder input', async () => {
    await using first = await new IdpFake().start();
    await expect(new IdpFake().withPort(first.getPort()).start()).rejects.toThrow(new RegExp(`cannot listen on 127.0.0.1:${first.getPort()} \\(EADDRINUSE\\)`));
    expect(() => new IdpFake().withPort(70000)).toThrow(/invalid port 70000/);
    expect(() => new IdpFake().withHost('bad host')).toThrow(/invalid host "bad host"/);
    expect(() => new IdpFake().withBehaviour({} as never)).toThrow(/expected msw request handlers/);
    // Arrays from behaviours are accepted even without spreading.
    expect(() => new IdpFake().withBehaviour(behaviours.invalidJson())).not.toThrow();
  });

  it('transcripts each request with credential presence, never the password', async () => {
    await using idp = await new IdpFake().withUsers([alice]).start();
    await askIdp(idp, { username: 'alice', password: CANARY, sourceIp: '198.51.100.4' });
    await askIdp(idp, { username: 'alice', password: `${CANARY}-wrong`, header: 'Password' });
    await askIdp(idp, { username: 'alice' });
    await idp.invokeAsLambda({ username: 'alice', password: CANARY, protocol: 'SFTP', serverId: 's-0123456789abcdef0', sourceIp: '198.51.100.4' });
    const requests = idp.getTranscript().filter((entry) => entry.kind === 'request');
    expect(requests.map((entry) => entry.detail)).toEqual([
      expect.objectContaining({ via: 'http', method: 'GET', path: '/prod/servers/s-0123456789abcdef0/users/alice/config', query: { protocol: 'SFTP', sourceIp: '198.51.100.4' }, hasPassword: true, hasPasswordBase64: true, status: 200 }),
      expect.objectContaining({ hasPassword: true, hasPasswordBase64: false }),
      expect.objectContaining({ hasPassword: false, hasPasswordBase64: false }),
      expect.objectContaining({ via: 'lambda', hasPassword: true, hasPasswordBase64: true, status: 200 }),
    ]);
    expect(typeof requests[0]!.detail.durationMs).toBe('number');
    const json = JSON.stringify(idp.getTranscript());
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(Buffer.from(CANARY).toString('base64'));
  });
});
