import type { RequestHandler } from 'msw';
import { isAllowed, parseCidrs } from '../ip-allow-list.ts';
import { readAuthRequest } from '../idp-request.ts';
import { idpConfigRoute, internalServerError, providerJson } from '../idp-route.ts';
import { sessionResponse, validateSessionConfig, type SessionConfig } from '../idp-user.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

export interface SecretsManagerToolkitOptions {
  /** Returns the SecretString, or undefined when there is no such secret. */
  getSecret: (secretId: string) => Promise<string | undefined>;
  /** Default `SFTP/`, as in the toolkit. */
  prefix?: string;
  /** Provider-level session settings; values in the secret win (the toolkit's merge). */
  defaults?: SessionConfig;
}

const SESSION_KEYS = ['Role', 'HomeDirectoryType', 'HomeDirectory', 'HomeDirectoryDetails', 'Policy', 'PosixProfile'] as const;

/**
 * The AWS toolkit's Secrets Manager module: secret `<prefix><username>` (lowercased) holds
 * `Password` and/or `PublicKeys` plus optional session keys. A secret that is not a JSON object
 * makes the toolkit raise, which API Gateway turns into a 500.
 */
export function secretsManagerToolkit(options: SecretsManagerToolkitOptions): RequestHandler[] {
  if (typeof options?.getSecret !== 'function') throw new InvalidOptionError('secretsManagerToolkit: getSecret must be a function (secretId) => Promise<string | undefined>');
  const prefix = options.prefix ?? 'SFTP/';
  const defaults = options.defaults ?? {};
  validateSessionConfig(defaults, 'secretsManagerToolkit: defaults');
  const cidrs = parseCidrs(defaults.ipAllowList ?? [], 'secretsManagerToolkit: defaults');
  const base = sessionResponse(defaults);
  return [
    idpConfigRoute(async ({ request, params }) => {
      const auth = readAuthRequest(request, params);
      const username = auth.username.toLowerCase();
      if (!isAllowed(auth.sourceIp, cidrs)) return providerJson({});
      const raw = await options.getSecret(`${prefix}${username}`);
      if (raw === undefined) return providerJson({});
      const secret = parseObject(raw);
      if (!secret) return internalServerError();
      const publicKeys = keysOf(secret.PublicKeys);
      if (auth.password !== undefined ? secret.Password !== auth.password : publicKeys.length === 0) return providerJson({});
      const session = substitute({ ...base, ...sessionFromSecret(secret) }, username);
      return providerJson(auth.password === undefined ? { ...session, PublicKeys: publicKeys } : session);
    }),
  ];
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An array, or one string with a key per line; newlines inside keys are stripped. */
function keysOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : [];
  return list.filter((key): key is string => typeof key === 'string').map((key) => key.replace(/[\r\n]/g, '').trim()).filter((key) => key !== '');
}

/** The toolkit stringifies lists and objects where Transfer wants strings. */
function sessionFromSecret(secret: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SESSION_KEYS) {
    const value = secret[key];
    if (value === undefined || value === null) continue;
    out[key] = (key === 'HomeDirectoryDetails' || key === 'Policy') && typeof value !== 'string' ? JSON.stringify(value) : value;
  }
  return out;
}

function substitute(session: Record<string, unknown>, username: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(session)) out[key] = typeof value === 'string' ? value.replaceAll('{{USERNAME}}', username) : value;
  return out;
}
