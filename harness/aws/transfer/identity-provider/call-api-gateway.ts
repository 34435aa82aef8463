import createDebug from 'debug';

const debug = createDebug('partner-harness:aws:transfer:idp');

export interface ProviderRequest {
  serverId: string;
  username: string;
  password?: string;
  protocol: string;
  sourceIp: string;
}

export type ApiGatewayOutcome =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'timeout' }
  | { kind: 'unreachable'; reason: string };

/** The invoke URL Transfer reports in `Url`: no query string (API_TestIdentityProvider example). */
export function apiGatewayUrl(base: string, { serverId, username }: Pick<ProviderRequest, 'serverId' | 'username'>): string {
  return `${base.replace(/\/+$/, '')}/servers/${encodeURIComponent(serverId)}/users/${encodeURIComponent(username)}/config`;
}

/**
 * The call Transfer makes to an API_GATEWAY identity provider (authentication-api-gateway):
 * GET …/servers/{serverId}/users/{username}/config?protocol=…&sourceIp=…, with `Password` for
 * password logins and no password header for key logins. Current AWS templates read
 * `PasswordBase64` (so non-ASCII passwords survive), so both headers are sent [INF].
 */
export async function callApiGateway(base: string, request: ProviderRequest, timeoutMs: number): Promise<ApiGatewayOutcome> {
  const url = new URL(apiGatewayUrl(base, request));
  url.searchParams.set('protocol', request.protocol);
  url.searchParams.set('sourceIp', request.sourceIp);
  const headers: Record<string, string> = {};
  if (request.password !== undefined) {
    // HTTP header values are Latin-1 and lose edge spaces; such a password is only carried,
    // exactly, by PasswordBase64.
    if (/^[\x20-\x7e\xa0-\xff]*$/.test(request.password) && request.password.trim() === request.password) headers.Password = request.password;
    headers.PasswordBase64 = Buffer.from(request.password, 'utf8').toString('base64');
  }
  debug('GET %s (password header: %s)', url.pathname, request.password !== undefined);
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    return { kind: 'answered', status: response.status, body: await response.text() };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'unreachable', reason: err.cause?.code ?? err.cause?.message ?? err.message };
  }
}
