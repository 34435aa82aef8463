import type { RequestHandler } from 'msw';
import { idpConfigRoute } from '../idp-route.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/**
 * The provider answers `status` instead of 200. Transfer treats any non-200 as "could not
 * reach the provider". The default body is what API Gateway sends when its integration fails.
 */
export function httpError(status = 500, body: unknown = { message: 'Internal server error' }): RequestHandler[] {
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new InvalidOptionError(`httpError: status must be an integer 200..599, got ${JSON.stringify(status)}`);
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return [idpConfigRoute(() => new Response(text, { status, headers: { 'content-type': 'application/json' } }))];
}
