import { createServer } from 'node:net';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { JWT_BEARER_GRANT } from './grants/jwt-bearer.ts';
import { createJwtAssertion } from './jwt-assertion.ts';
import { callApi, fetchJson, requestToken } from './oauth-test-client.ts';
import { generateRsaKeyPair } from './rsa-keys.ts';
import { SalesforceFake } from './salesforce-fake.ts';

const SECRET = 'canary-SECRET-4b7e0c';
const CODE = 'canary-CODE-91d2aa';
const CALLBACK = 'https://glue.example.com/cb';
const build = () => new SalesforceFake().withClient('app', { secret: SECRET, redirectUris: [CALLBACK] });
const unavailable = () => http.post('*/services/oauth2/token', () => HttpResponse.json({ error: 'server_error' }, { status: 503 }));

async function portIsFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('SalesforceFake lifecycle', () => {
  it('serves login host and instance on one URL', async () => {
    await using sf = await build().start();
    expect(sf.getHost()).toBe('127.0.0.1');
    expect(sf.getUrl()).toBe(`http://127.0.0.1:${sf.getPort()}`);
    expect(sf.getTokenUrl()).toBe(`${sf.getUrl()}/services/oauth2/token`);
    expect(sf.getInstanceUrl()).toBe(sf.getUrl());
  });

  it('keeps use() overrides per instance, prepends them, and resetHandlers() drops them', async () => {
    await using first = await build().start();
    await using second = await build().start();
    const cc = { grant_type: 'client_credentials', client_id: 'app', client_secret: SECRET };
    first.use(unavailable());
    const [a, b] = await Promise.all([requestToken(first, cc), requestToken(second, cc)]);
    expect([a.status, b.status]).toEqual([503, 200]);

    first.use(http.post('*/services/oauth2/token', () => HttpResponse.json({ access_token: 'newest' })));
    expect((await requestToken(first, cc)).json).toEqual({ access_token: 'newest' });
    first.resetHandlers();
    expect((await requestToken(first, cc)).status).toBe(200);
    expect((await requestToken(second, cc)).status).toBe(200);
  });

  it('tries withHandlers() before the built-in routes, and answers 500 UNKNOWN_EXCEPTION when a handler throws', async () => {
    const boom = http.get('*/services/data/:version/limits', () => {
      throw new Error('boom');
    });
    await using sf = await build().withHandlers(unavailable(), boom).start();
    expect((await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app', client_secret: SECRET })).status).toBe(503);
    const answer = await callApi(sf, '/services/data/v60.0/limits', 'any');
    expect(answer.status).toBe(500);
    expect(answer.json[0]).toHaveProperty('errorCode', 'UNKNOWN_EXCEPTION');
  });

  it('stop() is idempotent, frees the port and ends open connections', async () => {
    const sf = await build().start();
    const port = sf.getPort();
    expect(await portIsFree(port)).toBe(false);
    await fetchJson(`${sf.getUrl()}/services/data`, { keepalive: true });
    await Promise.all([sf.stop(), sf.stop()]);
    await sf.stop();
    expect(await portIsFree(port)).toBe(true);
    await expect(fetch(`${sf.getUrl()}/services/data`)).rejects.toThrow();
    expect(sf.getTranscript().at(-1)?.kind).toBe('stopped');
  });

  it('rejects bad settings when they are given', () => {
    expect(() => new SalesforceFake().withClient('')).toThrow(/withClient: clientId must be a non-empty string/);
    expect(() => build().withClient('app', {})).toThrow(/already registered/);
    expect(() => new SalesforceFake().withTokenLifetime(-1)).toThrow(/withTokenLifetime: invalid -1/);
    expect(() => new SalesforceFake().withPort(70000)).toThrow(/withPort: invalid port 70000/);
    expect(() => new SalesforceFake().withHandlers({} as never)).toThrow(/withHandlers: expected msw request handlers/);
    const { publicKeyPem } = generateRsaKeyPair();
    expect(() => new SalesforceFake().withClient('a', { jwtPublicKeyPem: publicKeyPem.replace('PUBLIC', 'PRIVATE') })).toThrow(/not a PEM public key/);
  });

  it('never records secrets, assertions, codes or tokens in the transcript', async () => {
    const keys = generateRsaKeyPair();
    await using sf = await build()
      .withClient('jwt-app', { jwtPublicKeyPem: keys.publicKeyPem })
      .withUser('etl@example.com')
      .withAuthorizationCode(CODE, { clientId: 'app', redirectUri: CALLBACK })
      .start();
    const assertion = await createJwtAssertion({ privateKeyPem: keys.privateKeyPem, clientId: 'jwt-app', username: 'etl@example.com', audience: 'https://login.salesforce.com' });
    const answers = [
      await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app', client_secret: SECRET }),
      await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app', client_secret: SECRET }, { method: 'GET' }),
      await requestToken(sf, { grant_type: 'client_credentials' }, { basic: { clientId: 'app', secret: `${SECRET}-wrong` } }),
      await requestToken(sf, { grant_type: JWT_BEARER_GRANT, assertion }),
      await requestToken(sf, { grant_type: JWT_BEARER_GRANT, assertion: `${assertion}x` }),
      await requestToken(sf, { grant_type: 'authorization_code', code: CODE, redirect_uri: CALLBACK, client_id: 'app', client_secret: SECRET }),
      await requestToken(sf, { grant_type: 'authorization_code', code: CODE, redirect_uri: CALLBACK, client_id: 'app', client_secret: SECRET }),
      await requestToken(sf, { grant_type: SECRET }),
    ];
    const tokens = answers.filter((answer) => answer.status === 200).map((answer) => answer.json.access_token as string);
    expect(tokens).toHaveLength(4);
    for (const token of tokens) await callApi(sf, '/services/data/v60.0/limits', token);
    sf.revokeAllTokens();
    await callApi(sf, '/services/data/v60.0/limits', tokens[0]);

    const transcript = JSON.stringify(sf.getTranscript());
    const signature = assertion.split('.')[2]!;
    for (const canary of [SECRET, CODE, assertion, signature, ...tokens, ...tokens.map((token) => token.split('!')[1]!)]) {
      expect(transcript).not.toContain(canary);
    }
    expect(sf.getTranscript().filter((entry) => entry.kind === 'token').map((entry) => entry.detail.outcome)).toEqual([
      'issued', 'issued', 'invalid_client', 'issued', 'invalid_grant', 'issued', 'invalid_grant', 'unsupported_grant_type',
    ]);
  });
});
