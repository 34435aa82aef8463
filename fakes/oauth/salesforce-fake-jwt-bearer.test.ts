import { beforeAll, describe, expect, it } from 'vitest';
import { JWT_BEARER_GRANT } from './grants/jwt-bearer.ts';
import { createJwtAssertion, type JwtAssertionOptions } from './jwt-assertion.ts';
import { callApi, requestToken } from './oauth-test-client.ts';
import { generateRsaKeyPair } from './rsa-keys.ts';
import { SalesforceFake } from './salesforce-fake.ts';

const LOGIN = 'https://login.salesforce.com';
let keys: ReturnType<typeof generateRsaKeyPair>;
let otherKeys: ReturnType<typeof generateRsaKeyPair>;

beforeAll(() => {
  keys = generateRsaKeyPair();
  otherKeys = generateRsaKeyPair();
});

const build = () =>
  new SalesforceFake()
    .withClient('jwt-app', { jwtPublicKeyPem: keys.publicKeyPem })
    .withClient('secret-app', { secret: 's3cret' })
    .withUser('etl@example.com');

function assertion(overrides: Partial<JwtAssertionOptions> = {}): Promise<string> {
  return createJwtAssertion({ privateKeyPem: keys.privateKeyPem, clientId: 'jwt-app', username: 'etl@example.com', audience: LOGIN, ...overrides });
}

const exchange = (sf: Parameters<typeof requestToken>[0], jwt: string) => requestToken(sf, { grant_type: JWT_BEARER_GRANT, assertion: jwt });
const invalidGrant = (description: string) => ({ error: 'invalid_grant', error_description: description });

describe('SalesforceFake JWT bearer grant', () => {
  it('issues a token for a well-signed assertion from a known user', async () => {
    await using sf = await build().start();
    const answer = await exchange(sf, await assertion());
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ token_type: 'Bearer', instance_url: sf.getUrl() });
    expect((await callApi(sf, '/services/data/v60.0/sobjects', answer.json.access_token)).status).toBe(200);
    expect(sf.getTranscript().find((entry) => entry.kind === 'token')?.detail).toMatchObject({
      grantType: JWT_BEARER_GRANT,
      clientId: 'jwt-app',
      user: 'etl@example.com',
      outcome: 'issued',
    });
  });

  it('rejects an assertion signed with another key, unsigned, malformed or missing: invalid assertion', async () => {
    await using sf = await build().start();
    const [header, payload] = (await assertion()).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    for (const jwt of [await assertion({ privateKeyPem: otherKeys.privateKeyPem }), unsigned, `${header}.${payload}.AAAA`, 'not-a-jwt', '']) {
      const answer = await exchange(sf, jwt);
      expect([answer.status, answer.json], jwt.slice(0, 20)).toEqual([400, invalidGrant('invalid assertion')]);
    }
  });

  it('rejects the wrong audience, and honours withAudience()', async () => {
    await using sf = await build().start();
    const wrongAud = await exchange(sf, await assertion({ audience: 'https://test.salesforce.com' }));
    expect([wrongAud.status, wrongAud.json]).toEqual([400, invalidGrant('audience is invalid')]);

    await using sandbox = await build().withAudience('https://test.salesforce.com').start();
    expect((await exchange(sandbox, await assertion({ audience: 'https://test.salesforce.com' }))).status).toBe(200);
    expect((await exchange(sandbox, await assertion())).json).toEqual(invalidGrant('audience is invalid'));
  });

  it("rejects an expired assertion with Salesforce's 'expired authorization code', within a small skew", async () => {
    await using sf = await build().start();
    const expired = await exchange(sf, await assertion({ expiresInSeconds: -60 }));
    expect([expired.status, expired.json]).toEqual([400, invalidGrant('expired authorization code')]);
    const now = Math.floor(Date.now() / 1000);
    expect((await exchange(sf, await assertion({ issuedAt: now - 100, expiresInSeconds: 98 }))).status).toBe(200);
  });

  it("rejects an unknown sub: user hasn't approved this consumer", async () => {
    await using sf = await build().start();
    const answer = await exchange(sf, await assertion({ username: 'mallory@example.com' }));
    expect([answer.status, answer.json]).toEqual([400, invalidGrant("user hasn't approved this consumer")]);
    expect(sf.getTranscript().find((entry) => entry.kind === 'token')?.detail).toMatchObject({ user: 'mallory@example.com', outcome: 'invalid_grant' });
  });

  it('rejects an unknown iss with invalid_client_id, and an app without a key with invalid assertion', async () => {
    await using sf = await build().start();
    const unknown = await exchange(sf, await assertion({ clientId: 'nobody' }));
    expect([unknown.status, unknown.json]).toEqual([400, { error: 'invalid_client_id', error_description: 'client identifier invalid' }]);
    const keyless = await exchange(sf, await assertion({ clientId: 'secret-app' }));
    expect([keyless.status, keyless.json]).toEqual([400, invalidGrant('invalid assertion')]);
  });

  it('checks the key at withClient()', () => {
    expect(() => new SalesforceFake().withClient('a', { jwtPublicKeyPem: 'nope' })).toThrow(/withClient: jwtPublicKeyPem is not a PEM public key/);
  });
});
