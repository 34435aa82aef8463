import type { ProviderLambdaEvent } from '../../core/identity-provider/index.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** The event a Transfer server sends to an AWS_LAMBDA identity provider (`password` absent for a key login). */
export type IdentityProviderEvent = ProviderLambdaEvent & { protocol: 'SFTP' };

/**
 * How the fake, acting as a Transfer server with a custom identity provider, asks who may log in.
 * The fake knows nothing of AWS: an API Gateway provider is any HTTP endpoint, a Lambda one is a plain function.
 */
export type SftpIdentityProvider =
  | {
      kind: 'api-gateway';
      /** IdentityProviderDetails.Url, e.g. `http://127.0.0.1:PORT/prod`; a trailing '/' is ignored. */
      url: string;
      serverId: string;
      protocol?: 'SFTP';
      /** How long to wait for an answer before the login fails; 10 000 by default. */
      timeoutMs?: number;
    }
  | {
      kind: 'lambda';
      /**
       * Returns the function's result. A plain object is the response; a string or bytes are taken
       * as the raw Invoke payload and parsed as JSON. Throwing fails the login.
       */
      invoke: (event: IdentityProviderEvent) => Promise<unknown>;
      serverId: string;
      protocol?: 'SFTP';
      timeoutMs?: number;
    };

export const DEFAULT_PROVIDER_TIMEOUT_MS = 10_000;

/** A checked provider with its timeout filled in. */
export type ResolvedIdentityProvider = SftpIdentityProvider & { timeoutMs: number };

/** Checks a provider eagerly and returns a copy with defaults filled in. */
export function validateIdentityProvider(provider: SftpIdentityProvider): ResolvedIdentityProvider {
  const where = 'withIdentityProvider';
  if (typeof provider !== 'object' || provider === null || (provider.kind !== 'api-gateway' && provider.kind !== 'lambda')) {
    throw new InvalidOptionError(`${where}: expected { kind: 'api-gateway', url, serverId } or { kind: 'lambda', invoke, serverId }, got ${JSON.stringify(provider)}`);
  }
  if (typeof provider.serverId !== 'string' || !/^[A-Za-z0-9-]+$/.test(provider.serverId)) {
    throw new InvalidOptionError(`${where}: serverId must be letters, digits and '-' (e.g. 's-0123456789abcdef0'), got ${JSON.stringify(provider.serverId)}`);
  }
  if (provider.protocol !== undefined && provider.protocol !== 'SFTP') {
    throw new InvalidOptionError(`${where}: protocol must be 'SFTP' (the fake serves SFTP only), got ${JSON.stringify(provider.protocol)}`);
  }
  const timeoutMs = provider.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new InvalidOptionError(`${where}: timeoutMs must be a positive number of milliseconds, got ${JSON.stringify(provider.timeoutMs)}`);
  }
  if (provider.kind === 'lambda') {
    if (typeof provider.invoke !== 'function') throw new InvalidOptionError(`${where}: a lambda provider needs invoke: (event) => Promise<response>`);
    return { ...provider, timeoutMs };
  }
  let url: URL;
  try {
    url = new URL(provider.url);
  } catch {
    throw new InvalidOptionError(`${where}: url must be an absolute http(s) URL like 'http://127.0.0.1:8080/prod', got ${JSON.stringify(provider.url)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionError(`${where}: url must use http or https, got ${JSON.stringify(provider.url)}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InvalidOptionError(`${where}: url must not have a query or fragment (Transfer appends /servers/...), got ${JSON.stringify(provider.url)}`);
  }
  return { ...provider, timeoutMs };
}
