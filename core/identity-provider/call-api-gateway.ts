import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import createDebug from 'debug';
import { apiGatewayRequest, type ProviderRequest } from './provider-request.ts';

const debug = createDebug('partner-harness:identity-provider');

/** What became of one call: the provider's answer (any status), or why there is none. */
export type ApiGatewayOutcome =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'timeout' }
  /** Not sent, refused, reset or unreadable; `reason` never holds the password. */
  | { kind: 'failed'; reason: string }
  /** `signal` was aborted (the client went away, the fake stopped). */
  | { kind: 'abandoned'; reason: string };

export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

// A provider answer is a few small fields plus a session policy; anything bigger is not an answer [INF].
export const MAX_PROVIDER_ANSWER_BYTES = 1024 * 1024;

/**
 * Calls an API_GATEWAY provider as Transfer does (provider-request.ts), one connection per call
 * (closed after it, so stopping never waits on a pooled socket), following no redirect: a 3xx is
 * an answer like any other status.
 */
export async function callApiGateway(base: string, request: ProviderRequest, { timeoutMs, signal }: CallOptions): Promise<ApiGatewayOutcome> {
  const { url, headers, unsendable } = apiGatewayRequest(base, request);
  if (unsendable) return { kind: 'failed', reason: unsendable };
  if (signal?.aborted) return { kind: 'abandoned', reason: describe(signal.reason) };
  debug('GET %s (password: %s)', url.pathname, request.password !== undefined);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout()), timeoutMs);
  const abandon = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abandon, { once: true });
  try {
    const { status, body } = await get(url, headers, controller.signal);
    return { kind: 'answered', status, body };
  } catch (error) {
    if (controller.signal.reason instanceof Timeout) return { kind: 'timeout' };
    if (controller.signal.aborted) return { kind: 'abandoned', reason: describe(controller.signal.reason) };
    return { kind: 'failed', reason: describe(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abandon);
  }
}

class Timeout extends Error {}

function get(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<{ status: number; body: string }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers, agent: false, signal }, (res) => {
      readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject);
    });
    req.on('error', reject);
    // Whatever state the response is in, an abort settles the call at once.
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
      if (size > MAX_PROVIDER_ANSWER_BYTES) {
        res.destroy();
        reject(new Error(`answer larger than ${MAX_PROVIDER_ANSWER_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(new Error('connection closed mid-answer'));
    });
  });
}

/** An error's code (ECONNREFUSED) or message, for transcripts and messages. */
function describe(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
