import {
  callApiGateway,
  lambdaEvent,
  readLambdaAnswer,
  readProviderAnswer,
  type ProviderLogin,
  type ProviderRequest,
  type ProviderVerdict,
} from '../../core/identity-provider/index.ts';
import { PartnerHarnessError } from '../../core/errors/index.ts';
import type { IdentityProviderEvent, ResolvedIdentityProvider } from './identity-provider.ts';

/**
 * What one provider call came to: the shared verdict on its answer, or why there is none.
 * `status` is the HTTP status, or 'lambda'; `failure` never holds the password.
 */
export type ProviderCall =
  | { status: number | 'lambda'; verdict: ProviderVerdict }
  | { status?: number | 'lambda'; failure: string };

/**
 * Asks the provider about one attempt exactly as Transfer does (core/identity-provider), bounded
 * by the provider's timeout and by `signal` (aborted when the client disconnects or the fake stops).
 */
export async function callIdentityProvider(provider: ResolvedIdentityProvider, request: ProviderRequest, signal: AbortSignal): Promise<ProviderCall> {
  // Transfer reads PublicKeys only for a key login, and PosixProfile only on EFS (the fake plays an S3 server).
  const login = { keyLogin: request.password === undefined, efs: false };
  if (provider.kind === 'lambda') return invokeLambda(provider, lambdaEvent(request) as IdentityProviderEvent, signal, login);
  const outcome = await callApiGateway(provider.url, request, { timeoutMs: provider.timeoutMs, signal });
  switch (outcome.kind) {
    case 'answered':
      return outcome.status === 200 ? { status: 200, verdict: readProviderAnswer(outcome.body, login) } : { status: outcome.status, failure: `HTTP ${outcome.status}` };
    case 'timeout':
      return { failure: noAnswer(provider) };
    case 'abandoned':
      return { failure: `call abandoned (${outcome.reason})` };
    case 'failed':
      return { failure: `request failed (${outcome.reason})` };
  }
}

async function invokeLambda(provider: ResolvedIdentityProvider & { kind: 'lambda' }, event: IdentityProviderEvent, signal: AbortSignal, login: ProviderLogin): Promise<ProviderCall> {
  if (signal.aborted) return { failure: `call abandoned (${describe(signal.reason)})` };
  let timer: NodeJS.Timeout | undefined;
  let abandon: (() => void) | undefined;
  // A function cannot be cancelled; on timeout or abort we stop waiting for it.
  const giveUp = new Promise<ProviderCall>((resolve) => {
    timer = setTimeout(() => resolve({ failure: noAnswer(provider) }), provider.timeoutMs);
    abandon = () => resolve({ failure: `call abandoned (${describe(signal.reason)})` });
    signal.addEventListener('abort', abandon, { once: true });
  });
  const answer = Promise.resolve()
    .then(() => provider.invoke(event))
    .then(
      (result): ProviderCall => ({ status: 'lambda', verdict: readInvokeResult(result, login) }),
      (error: unknown): ProviderCall => ({ status: 'lambda', failure: `lambda failed (${describe(error)})` }),
    );
  try {
    return await Promise.race([answer, giveUp]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', abandon!);
  }
}

/** A plain value is the handler's return value; text or bytes are the raw Invoke payload [INF]. */
function readInvokeResult(result: unknown, login: ProviderLogin): ProviderVerdict {
  if (typeof result === 'string' || result instanceof Uint8Array) return readProviderAnswer(Buffer.from(result).toString('utf8'), login);
  return readLambdaAnswer(result, login);
}

const noAnswer = (provider: ResolvedIdentityProvider) => `no answer within ${provider.timeoutMs} ms`;

function describe(error: unknown): string {
  // An errno code (ECONNREFUSED) says it all; our own errors' codes (IDP_HTTP_STATUS) say less than their message.
  if (error instanceof PartnerHarnessError) return error.message;
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
