import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callApi, requestToken } from './oauth-test-client.ts';
import { SalesforceFake } from './salesforce-fake.ts';
import { DEFAULT_RUN_AS_USER } from './salesforce-org.ts';

const SECRET = 'cc-secret-5f1e';
const start = () => new SalesforceFake().withClient('app-cc', { secret: SECRET }).withClient('jwt-only', {}).start();
const invalidClient = { error: 'invalid_client', error_description: 'invalid client credentials' };

describe('SalesforceFake client_credentials grant', () => {
  it('issues a Salesforce-shaped token that the instance API accepts', async () => {
    await using sf = await start();
    const answer = await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app-cc', client_secret: SECRET });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'signature', 'token_type']);
    const { access_token, instance_url, id, token_type, issued_at, signature } = answer.json;
    expect(access_token).toMatch(/^00D\w{12}!\S+$/);
    expect(instance_url).toBe(sf.getInstanceUrl());
    expect(id).toMatch(new RegExp(`^${sf.getUrl()}/id/00D\\w{15}/005\\w{15}$`));
    expect(token_type).toBe('Bearer');
    expect(issued_at).toMatch(/^\d{13}$/);
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${id}${issued_at}`).digest('base64'));
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect((await callApi(sf, '/services/data/v60.0/limits', access_token)).status).toBe(200);
    expect(sf.getTranscript().find((entry) => entry.kind === 'token')?.detail).toEqual({
      grantType: 'client_credentials',
      clientId: 'app-cc',
      user: DEFAULT_RUN_AS_USER,
      outcome: 'issued',
      status: 200,
    });
  });

  it('takes the client from HTTP Basic auth, the query string, or a GET', async () => {
    await using sf = await start();
    const basic = await requestToken(sf, { grant_type: 'client_credentials' }, { basic: { clientId: 'app-cc', secret: SECRET } });
    const get = await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app-cc', client_secret: SECRET }, { method: 'GET' });
    const mixed = await fetch(`${sf.getTokenUrl()}?client_secret=${SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=app-cc',
    });
    expect([basic.status, get.status, mixed.status]).toEqual([200, 200, 200]);
  });

  it('runs as the first known user when there is one', async () => {
    await using sf = await new SalesforceFake().withClient('app-cc', { secret: SECRET }).withUser('int@example.com').start();
    await requestToken(sf, { grant_type: 'client_credentials', client_id: 'app-cc', client_secret: SECRET });
    expect(sf.getTranscript().find((entry) => entry.kind === 'token')?.detail).toHaveProperty('user', 'int@example.com');
  });

  it('answers invalid_client for an unknown client, a wrong or missing secret, or an app without a secret', async () => {
    await using sf = await start();
    const cases: Array<Record<string, string>> = [
      { client_id: 'nobody', client_secret: SECRET },
      { client_id: 'app-cc', client_secret: 'wrong' },
      { client_id: 'app-cc' },
      { client_secret: SECRET },
      { client_id: 'jwt-only', client_secret: '' },
    ];
    for (const params of cases) {
      const answer = await requestToken(sf, { grant_type: 'client_credentials', ...params });
      expect([answer.status, answer.json], JSON.stringify(params)).toEqual([400, invalidClient]);
    }
    const basic = await requestToken(sf, { grant_type: 'client_credentials' }, { basic: { clientId: 'app-cc', secret: 'wrong' } });
    expect([basic.status, basic.json]).toEqual([400, invalidClient]);
  });

  it('answers unsupported_grant_type for an unknown or missing grant_type', async () => {
    await using sf = await start();
    const unsupported = { error: 'unsupported_grant_type', error_description: 'grant type not supported' };
    const cases: Array<Record<string, string>> = [{ grant_type: 'password', username: 'u', password: 'p' }, { grant_type: 'toString' }, { client_id: 'app-cc' }];
    for (const params of cases) {
      const answer = await requestToken(sf, params);
      expect([answer.status, answer.json], JSON.stringify(params)).toEqual([400, unsupported]);
    }
  });
});
