import type { RequestHandler } from 'msw';
import { idpConfigRoute } from '../idp-route.ts';

/** A response cut off mid-way: the provider crashed while writing, or a proxy truncated it. */
export const TRUNCATED_JSON = '{"Role":"arn:aws:iam::111122223333:role/transfer-user","HomeDirectory":"/bucket/ho';

/** 200 with a body that is not JSON (but claims to be). */
export function invalidJson(): RequestHandler[] {
  return [idpConfigRoute(() => new Response(TRUNCATED_JSON, { status: 200, headers: { 'content-type': 'application/json' } }))];
}
