import { describe, expect, it } from 'vitest';
import { requestToken } from './oauth-test-client.ts';
import { SalesforceFake } from './salesforce-fake.ts';

const SECRET = 'web-secret-77';
const CALLBACK = 'https://glue.example.com/oauth/callback';

const build = () =>
  new SalesforceFake()
    .withClient('web-app', { secret: SECRET, redirectUris: [CALLBACK] })
    .withClient('other-app', { secret: 'other' })
    .withClient('public-app', {})
    .withUser('alice@example.com')
    .withUser('bob@example.com')
    .withAuthorizationCode('code-1', { clientId: 'web-app', redirectUri: CALLBACK, user: 'bob@example.com' })
    .withAuthorizationCode('code-2', { clientId: 'web-app', redirectUri: CALLBACK })
    .withAuthorizationCode('code-public', { clientId: 'public-app', redirectUri: CALLBACK });

const redeem = (sf: Parameters<typeof requestToken>[0], overrides: Record<string, string> = {}) =>
  requestToken(sf, { grant_type: 'authorization_code', code: 'code-1', redirect_uri: CALLBACK, client_id: 'web-app', client_secret: SECRET, ...overrides });

const invalidGrant = (description: string) => ({ error: 'invalid_grant', error_description: description });

describe('SalesforceFake authorization_code grant', () => {
  it('redeems a code once, for the user it names; the second time is an expired authorization code', async () => {
    await using sf = await build().start();
    const first = await redeem(sf);
    expect(first.status).toBe(200);
    expect(first.json.id).toMatch(/\/005000000000002AAA$/); // bob is the second user
    const again = await redeem(sf);
    expect([again.status, again.json]).toEqual([400, invalidGrant('expired authorization code')]);
    const outcomes = sf.getTranscript().filter((entry) => entry.kind === 'token').map((entry) => entry.detail);
    expect(outcomes).toEqual([
      { grantType: 'authorization_code', clientId: 'web-app', user: 'bob@example.com', outcome: 'issued', status: 200 },
      { grantType: 'authorization_code', clientId: 'web-app', user: null, outcome: 'invalid_grant', description: 'expired authorization code', status: 400 },
    ]);
  });

  it('rejects a different redirect_uri without using the code up', async () => {
    await using sf = await build().start();
    for (const redirect_uri of [`${CALLBACK}/`, 'https://evil.example.com/cb']) {
      const answer = await redeem(sf, { redirect_uri });
      expect([answer.status, answer.json]).toEqual([400, invalidGrant('redirect_uri must match configuration')]);
    }
    const missing = await requestToken(sf, { grant_type: 'authorization_code', code: 'code-1', client_id: 'web-app', client_secret: SECRET });
    expect(missing.json).toEqual(invalidGrant('redirect_uri must match configuration'));
    expect((await redeem(sf)).status).toBe(200);
  });

  it('checks the client before the code', async () => {
    await using sf = await build().start();
    const wrongSecret = await redeem(sf, { client_secret: 'nope' });
    expect([wrongSecret.status, wrongSecret.json]).toEqual([400, { error: 'invalid_client', error_description: 'invalid client credentials' }]);
    const unknown = await redeem(sf, { client_id: 'nobody' });
    expect([unknown.status, unknown.json]).toEqual([400, { error: 'invalid_client_id', error_description: 'client identifier invalid' }]);
    const basic = await requestToken(sf, { grant_type: 'authorization_code', code: 'code-2', redirect_uri: CALLBACK }, { basic: { clientId: 'web-app', secret: SECRET } });
    expect(basic.status).toBe(200);
  });

  it('rejects a code it never issued or issued to another client: invalid authorization code', async () => {
    await using sf = await build().start();
    const cases: Array<Record<string, string>> = [{ code: 'made-up' }, { code: '' }, { client_id: 'other-app', client_secret: 'other' }];
    for (const overrides of cases) {
      const answer = await redeem(sf, overrides);
      expect([answer.status, answer.json], JSON.stringify(overrides)).toEqual([400, invalidGrant('invalid authorization code')]);
    }
    expect((await redeem(sf)).status).toBe(200);
  });

  it('lets an app without a secret redeem with its client_id alone', async () => {
    await using sf = await build().start();
    const answer = await requestToken(sf, { grant_type: 'authorization_code', code: 'code-public', redirect_uri: CALLBACK, client_id: 'public-app' });
    expect(answer.status).toBe(200);
    expect(answer.json.id).toMatch(/\/005000000000001AAA$/); // no user given: the first one
  });

  it('checks codes against clients and users at start()', async () => {
    const code = (options: { clientId: string; redirectUri: string; user?: string }) =>
      new SalesforceFake().withClient('web-app', { redirectUris: [CALLBACK] }).withAuthorizationCode('c', options).start();
    await expect(code({ clientId: 'nobody', redirectUri: CALLBACK })).rejects.toThrow(/unknown client "nobody"/);
    await expect(code({ clientId: 'web-app', redirectUri: 'https://elsewhere.example.com' })).rejects.toThrow(/is not one of client "web-app"'s redirectUris/);
    await expect(code({ clientId: 'web-app', redirectUri: CALLBACK, user: 'ghost' })).rejects.toThrow(/unknown user "ghost"/);
    expect(() => new SalesforceFake().withAuthorizationCode('c', { clientId: 'a', redirectUri: 'not a url' })).toThrow(/invalid redirect URI/);
  });
});
