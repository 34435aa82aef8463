import { describe, expect, it } from 'vitest';
import { apiGatewayRequest, lambdaEvent, providerConfigUrl, type ProviderRequest } from './provider-request.ts';

const BASE = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod';
const attempt = (over: Partial<ProviderRequest> = {}): ProviderRequest => ({
  serverId: 's-0123456789abcdef0',
  username: 'alice',
  protocol: 'SFTP',
  sourceIp: '203.0.113.7',
  ...over,
});
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** What a receiver reads from the Password header: its bytes, taken as UTF-8. */
const passwordOnTheWire = (headers: Record<string, string>) => Buffer.from(headers.Password!, 'latin1').toString('utf8');

describe('providerConfigUrl', () => {
  it('is {Url}/servers/{serverId}/users/{username}/config, ignoring trailing slashes on Url', () => {
    expect(providerConfigUrl(`${BASE}//`, attempt())).toBe(`${BASE}/servers/s-0123456789abcdef0/users/alice/config`);
  });

  it.each([
    ['jane.doe@example.com', 'jane.doe%40example.com'],
    ['a+b', 'a%2Bb'],
    ['first last', 'first%20last'],
    ['jürgen', 'j%C3%BCrgen'],
    ['../admin', '..%2Fadmin'],
    ['x?y#z', 'x%3Fy%23z'],
  ])('percent-encodes the user name %j as one path segment', (username, encoded) => {
    const url = providerConfigUrl(BASE, attempt({ username }));
    expect(url).toBe(`${BASE}/servers/s-0123456789abcdef0/users/${encoded}/config`);
    expect(new URL(url).pathname.split('/')).toHaveLength(7);
  });

  it('percent-encodes a server id that needs it, so it stays one segment', () => {
    expect(providerConfigUrl(BASE, attempt({ serverId: 's-1/2 3?' }))).toBe(`${BASE}/servers/s-1%2F2%203%3F/users/alice/config`);
  });
});

describe('apiGatewayRequest', () => {
  it('puts protocol and sourceIp in the query and, for a key login, no password header', () => {
    const { url, headers, unsendable } = apiGatewayRequest(BASE, attempt({ sourceIp: '2001:db8::1' }));
    expect(url.href).toBe(`${BASE}/servers/s-0123456789abcdef0/users/alice/config?protocol=SFTP&sourceIp=2001%3Adb8%3A%3A1`);
    expect(headers).toEqual({});
    expect(unsendable).toBeUndefined();
  });

  it.each([
    ['plain ASCII', 'S3cret pass!'],
    ['Latin-1', 'pässwörd'],
    ['beyond Latin-1', 'пароль-✓-🔑'],
    ['edge spaces', '  spaced out  '],
    ['a tab', 'tab\there'],
  ])('sends a %s password in Password (UTF-8 bytes) and exactly in PasswordBase64', (_name, password) => {
    const { headers, unsendable } = apiGatewayRequest(BASE, attempt({ password }));
    expect(unsendable).toBeUndefined();
    expect(Object.keys(headers)).toEqual(['Password', 'PasswordBase64']);
    expect(passwordOnTheWire(headers)).toBe(password);
    expect(headers.PasswordBase64).toBe(base64(password));
  });

  it.each([['a newline', 'line\nbreak'], ['a NUL', 'nul\0byte'], ['DEL', 'del\x7f']])(
    'marks a password with %s unsendable, keeping only PasswordBase64',
    (_name, password) => {
      const { headers, unsendable } = apiGatewayRequest(BASE, attempt({ password }));
      expect(unsendable).toMatch(/control characters/);
      expect(unsendable).not.toContain(password);
      expect(headers).toEqual({ PasswordBase64: base64(password) });
    },
  );

  it('sends an empty password as a password login: both headers, empty', () => {
    expect(apiGatewayRequest(BASE, attempt({ password: '' })).headers).toEqual({ Password: '', PasswordBase64: '' });
  });
});

describe('lambdaEvent', () => {
  it('is the documented event, with password only for a password login', () => {
    expect(lambdaEvent(attempt({ password: ' pw ' }))).toEqual({ username: 'alice', password: ' pw ', protocol: 'SFTP', serverId: 's-0123456789abcdef0', sourceIp: '203.0.113.7' });
    expect(lambdaEvent(attempt())).not.toHaveProperty('password');
  });
});
