import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IdentityProviderEvent, ResolvedIdentityProvider } from './identity-provider.ts';

/** What one provider call returned: the HTTP status (or 'lambda') and the parsed JSON body. */
export interface ProviderAnswer {
  status: number | 'lambda';
  body: unknown;
}

/** A failed call; `reason` is safe for the transcript (the password is never in it). */
export class IdentityProviderError extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number | 'lambda',
  ) {
    super(`identity provider: ${reason}`);
    this.name = 'IdentityProviderError';
  }
}

export interface ProviderRequest {
  username: string;
  /** Undefined for public-key authentication: no Password header, no `password` in the event. */
  password?: string;
  sourceIp: string;
}

// A provider answer is a few small fields plus a session policy; anything bigger is not an answer.
const MAX_BODY = 1024 * 1024;
// What Node allows in a header value; other characters would throw inside http.request.
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Calls the provider exactly as Transfer does, bounded by the provider's timeout and by `signal`
 * (aborted when the client disconnects or the fake stops). Throws IdentityProviderError.
 */
export async function callIdentityProvider(
  provider: ResolvedIdentityProvider,
  request: ProviderRequest,
  signal: AbortSignal,
): Promise<ProviderAnswer> {
  if (signal.aborted) throw new IdentityProviderError(`call abandoned (${describe(signal.reason)})`);
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new IdentityProviderError(`no answer within ${provider.timeoutMs} ms`)),
    provider.timeoutMs,
  );
  const abandon = () => controller.abort(new IdentityProviderError(`call abandoned (${describe(signal.reason)})`));
  signal.addEventListener('abort', abandon, { once: true });
  try {
    return provider.kind === 'lambda'
      ? await invokeLambda(provider.invoke, eventFor(provider.serverId, request), controller.signal)
      : await getFromApiGateway(provider.url, provider.serverId, request, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw controller.signal.reason as IdentityProviderError;
    if (error instanceof IdentityProviderError) throw error;
    throw new IdentityProviderError(`request failed (${describe(error)})`);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abandon);
  }
}

function eventFor(serverId: string, request: ProviderRequest): IdentityProviderEvent {
  return {
    username: request.username,
    ...(request.password === undefined ? {} : { password: request.password }),
    protocol: 'SFTP',
    serverId,
    sourceIp: request.sourceIp,
  };
}

async function invokeLambda(invoke: (event: IdentityProviderEvent) => Promise<unknown>, event: IdentityProviderEvent, signal: AbortSignal): Promise<ProviderAnswer> {
  let result: unknown;
  try {
    // A function cannot be cancelled; on abort we stop waiting for it.
    result = await Promise.race([
      Promise.resolve().then(() => invoke(event)),
      new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
    ]);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new IdentityProviderError(`lambda failed (${describe(error)})`, 'lambda');
  }
  // Inferred: text or bytes are the raw Invoke payload, which Transfer parses as JSON.
  if (typeof result === 'string' || result instanceof Uint8Array) return { status: 'lambda', body: parseJson(Buffer.from(result).toString('utf8'), 'lambda') };
  return { status: 'lambda', body: result };
}

function getFromApiGateway(url: string, serverId: string, request: ProviderRequest, signal: AbortSignal): Promise<ProviderAnswer> {
  const base = url.replace(/\/+$/, '');
  const target = new URL(
    `${base}/servers/${serverId}/users/${encodeURIComponent(request.username)}/config` +
      `?protocol=SFTP&sourceIp=${encodeURIComponent(request.sourceIp)}`,
  );
  const headers: Record<string, string> = {};
  if (request.password !== undefined) {
    // Node writes header strings as latin1, so this puts the password's UTF-8 bytes on the wire.
    const raw = Buffer.from(request.password, 'utf8').toString('latin1');
    if (!HEADER_SAFE.test(raw)) throw new IdentityProviderError('password has control characters that cannot travel in a Password header');
    headers.Password = raw;
    headers.PasswordBase64 = Buffer.from(request.password, 'utf8').toString('base64');
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // agent: false means one connection per call, closed after it, so stop() never waits on a pooled socket.
    const req = send(target, { method: 'GET', headers, agent: false, signal }, (res) => {
      readBody(res).then((text) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) return reject(new IdentityProviderError(`HTTP ${status}`, status));
        resolve({ status, body: parseJson(text, status) });
      }, reject);
    });
    req.on('error', reject);
    // Belt and braces: whatever state the response is in, an abort settles the call at once.
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    req.end();
  });
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        res.destroy();
        reject(new IdentityProviderError(`response larger than ${MAX_BODY} bytes`, res.statusCode));
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new IdentityProviderError('connection closed mid-response', res.statusCode));
    });
  });
}

function parseJson(text: string, status: number | 'lambda'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new IdentityProviderError('response is not JSON', status);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
