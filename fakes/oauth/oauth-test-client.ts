import type { StartedSalesforceFake } from './started-salesforce-fake.ts';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  // Tests read fields straight off the answer; a failed parse leaves undefined.
  json: any;
}

export async function fetchJson(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
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

export interface TokenRequestOptions {
  /** 'GET' puts every parameter in the query string, as Glue's TokenUrlParametersMap does. */
  method?: 'POST' | 'GET';
  /** HTTP Basic client authentication. */
  basic?: { clientId: string; secret: string };
}

/** Calls the token endpoint over real HTTP with a form body (or a query string for GET). */
export function requestToken(fake: StartedSalesforceFake, params: Record<string, string>, options: TokenRequestOptions = {}): Promise<HttpAnswer> {
  const form = new URLSearchParams(params);
  const headers = new Headers();
  if (options.basic) {
    const { clientId, secret } = options.basic;
    headers.set('authorization', `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`);
  }
  if (options.method === 'GET') return fetchJson(`${fake.getTokenUrl()}?${form}`, { headers });
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return fetchJson(fake.getTokenUrl(), { method: 'POST', headers, body: form.toString() });
}

/** GET on the instance REST API, with `Authorization: Bearer <token>` when a token is given. */
export function callApi(fake: StartedSalesforceFake, path: string, token?: string, scheme = 'Bearer'): Promise<HttpAnswer> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `${scheme} ${token}` };
  return fetchJson(`${fake.getInstanceUrl()}${path}`, { headers });
}
