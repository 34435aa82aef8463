import type { IdpConfigParams } from './idp-route.ts';

/** One authentication attempt, as Transfer sends it to the provider. */
export interface IdpAuthRequest {
  serverId: string;
  username: string;
  protocol?: string;
  sourceIp?: string;
  /** Undefined means public-key authentication (no password, or a blank one, as the AWS toolkit treats it). */
  password?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the attempt from a config request. `PasswordBase64` wins when present, as the current
 * AWS templates do, because it is the only header that carries a non-ASCII password intact.
 */
export function readAuthRequest(request: Request, params: IdpConfigParams): IdpAuthRequest {
  const query = new URL(request.url).searchParams;
  const password = readPassword(request.headers);
  return {
    serverId: params.serverId,
    username: params.username,
    ...(query.has('protocol') ? { protocol: query.get('protocol')! } : {}),
    ...(query.has('sourceIp') ? { sourceIp: query.get('sourceIp')! } : {}),
    ...(password ? { password } : {}),
  };
}

function readPassword(headers: Headers): string | undefined {
  const base64 = headers.get('PasswordBase64');
  if (base64) return Buffer.from(base64, 'base64').toString('utf8');
  const raw = headers.get('Password');
  if (raw === null) return undefined;
  // Header values arrive as one char per byte; a client that sent UTF-8 bytes meant UTF-8.
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return raw;
  }
}

/** Which credential headers a request carried, for transcripts: presence only, never values. */
export function credentialHeaders(headers: Headers): { hasPassword: boolean; hasPasswordBase64: boolean; hasAuthorization: boolean } {
  return {
    hasPassword: headers.has('Password'),
    hasPasswordBase64: headers.has('PasswordBase64'),
    hasAuthorization: headers.has('Authorization'),
  };
}
