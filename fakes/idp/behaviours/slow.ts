import { getResponse, type RequestHandler } from 'msw';
import { idpConfigRoute } from '../idp-route.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/**
 * Waits `ms`, then answers with `inner` (first match wins). With no inner handler, or none that
 * matches, the request falls through to the handlers after this one, so `slow(200)` placed
 * first makes the whole provider slow.
 */
export function slow(ms: number, ...inner: RequestHandler[][]): RequestHandler[] {
  if (!Number.isInteger(ms) || ms < 0 || ms > 2_147_483_647) throw new InvalidOptionError(`slow: ms must be an integer 0..2147483647, got ${JSON.stringify(ms)}`);
  const handlers = inner.flat();
  return [
    idpConfigRoute(async ({ request }) => {
      await sleep(ms, request.signal);
      return handlers.length > 0 ? getResponse(handlers, request) : undefined;
    }),
  ];
}

/**
 * Not msw's delay(): that timer cannot be cancelled, so a long delay would outlive stop() and
 * hold the process open. This one ends when the client goes away or the fake stops.
 */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
