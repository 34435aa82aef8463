import type { StartedIdpFake } from './started-idp-fake.ts';

export interface AskOptions {
  username: string;
  password?: string;
  /** Which header carries the password; default both, as Transfer sends. */
  header?: 'Password' | 'PasswordBase64' | 'both';
  serverId?: string;
  protocol?: string;
  sourceIp?: string;
}

export interface IdpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** Calls the fake over real HTTP, the way Transfer does. */
export async function askIdp(fake: StartedIdpFake, options: AskOptions): Promise<IdpAnswer> {
  const { username, password, header = 'both', serverId = 's-0123456789abcdef0', protocol = 'SFTP', sourceIp = '203.0.113.7' } = options;
  const headers = new Headers();
  if (password !== undefined) {
    if (header !== 'PasswordBase64') headers.set('Password', Buffer.from(password, 'utf8').toString('latin1'));
    if (header !== 'Password') headers.set('PasswordBase64', Buffer.from(password, 'utf8').toString('base64'));
  }
  const query = new URLSearchParams({ protocol, sourceIp });
  const url = `${fake.getUrl()}/servers/${serverId}/users/${encodeURIComponent(username)}/config?${query}`;
  return fetchIdp(url, { headers });
}

export async function fetchIdp(url: string, init: RequestInit = {}): Promise<IdpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
