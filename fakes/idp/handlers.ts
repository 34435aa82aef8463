import { RequestHandler } from 'msw';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** Accepts handlers or arrays of them (behaviours return arrays), so forgetting `...` still works. */
export function flattenHandlers(handlers: ReadonlyArray<RequestHandler | readonly RequestHandler[]>, where: string): RequestHandler[] {
  const flat = handlers.flat();
  for (const handler of flat) {
    if (!(handler instanceof RequestHandler)) {
      throw new InvalidOptionError(`${where}: expected msw request handlers (http.get(...) or behaviours.*()), got ${describe(handler)}`);
    }
  }
  return flat;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'an object';
  return JSON.stringify(value) ?? String(value);
}
