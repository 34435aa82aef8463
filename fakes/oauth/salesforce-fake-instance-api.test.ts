import { describe, expect, it } from 'vitest';
import { callApi, requestToken } from './oauth-test-client.ts';
import { SalesforceFake } from './salesforce-fake.ts';
import type { StartedSalesforceFake } from './started-salesforce-fake.ts';

const INVALID_SESSION = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
const build = () => new SalesforceFake().withClient('app', { secret: 'api-secret' });

async function token(sf: StartedSalesforceFake): Promise<string> {
  const answer = await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app', client_secret: 'api-secret' });
  expect(answer.status).toBe(200);
  return answer.json.access_token as string;
}

describe('SalesforceFake instance API', () => {
  it('lists API versions without a session', async () => {
    await using sf = await build().start();
    const answer = await callApi(sf, '/services/data');
    expect(answer.status).toBe(200);
    expect(answer.json).toContainEqual({ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' });
  });

  it('answers limits, sobjects and the resource list for a live token (Bearer or OAuth)', async () => {
    await using sf = await build().start();
    const live = await token(sf);
    const limits = await callApi(sf, '/services/data/v60.0/limits', live);
    expect([limits.status, limits.json.DailyApiRequests]).toEqual([200, { Max: 15000, Remaining: 14998 }]);
    const sobjects = await callApi(sf, '/services/data/v60.0/sobjects', live, 'OAuth');
    expect(sobjects.status).toBe(200);
    expect(sobjects.json.sobjects.map((s: { name: string }) => s.name)).toContain('Account');
    expect((await callApi(sf, '/services/data/v60.0', live)).json).toHaveProperty('limits', '/services/data/v60.0/limits');
  });

  it('answers 401 INVALID_SESSION_ID for a missing, unknown or malformed token', async () => {
    await using sf = await build().start();
    for (const [auth, scheme] of [[undefined, 'Bearer'], ['00D000000000001!made-up', 'Bearer'], [await token(sf), 'Basic']] as const) {
      const answer = await callApi(sf, '/services/data/v60.0/limits', auth, scheme);
      expect([answer.status, answer.json], `${scheme} ${auth}`).toEqual([401, INVALID_SESSION]);
    }
    expect(sf.getTranscript().filter((entry) => entry.kind === 'api').map((entry) => entry.detail.session)).toEqual(['missing', 'unknown', 'missing']);
  });

  it('answers 401 once the token has expired (lifetime 0)', async () => {
    await using sf = await build().withTokenLifetime(0).start();
    const answer = await callApi(sf, '/services/data/v60.0/sobjects', await token(sf));
    expect([answer.status, answer.json]).toEqual([401, INVALID_SESSION]);
    expect(sf.getTranscript().find((entry) => entry.kind === 'api')?.detail).toMatchObject({ session: 'expired', clientId: 'app', status: 401 });
  });

  it('answers 401 for revoked tokens, while a fresh grant works again', async () => {
    await using sf = await build().start();
    const before = await token(sf);
    sf.revokeAllTokens();
    const revoked = await callApi(sf, '/services/data/v60.0/limits', before);
    expect([revoked.status, revoked.json]).toEqual([401, INVALID_SESSION]);
    expect((await callApi(sf, '/services/data/v60.0/limits', await token(sf))).status).toBe(200);
    expect(sf.getTranscript().filter((entry) => entry.kind === 'api').map((entry) => entry.detail.session)).toEqual(['revoked', 'valid']);
  });

  it('answers 404 NOT_FOUND for an unknown version or path', async () => {
    await using sf = await build().start();
    const live = await token(sf);
    const notFound = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
    for (const path of ['/services/data/v12.0/limits', '/services/data/latest/sobjects', '/services/apexrest/x', '/']) {
      const answer = await callApi(sf, path, live);
      expect([answer.status, answer.json], path).toEqual([404, notFound]);
    }
  });
});
