import { createHash, timingSafeEqual } from 'node:crypto';
import type { SalesforceOrg } from '../salesforce-org.ts';
import type { OAuthError } from '../salesforce-errors.ts';
import type { TokenParams } from '../token-request.ts';

/** What a grant decided; `clientId` and `user` are kept for the transcript even on failure. */
export type GrantOutcome =
  | { ok: true; clientId: string; user: string }
  | { ok: false; error: OAuthError; clientId?: string; user?: string };

export type Grant = (params: TokenParams, org: SalesforceOrg) => GrantOutcome | Promise<GrantOutcome>;

export function refuse(error: OAuthError, who: { clientId?: string | undefined; user?: string | undefined } = {}): GrantOutcome {
  return {
    ok: false,
    error,
    ...(who.clientId !== undefined ? { clientId: who.clientId } : {}),
    ...(who.user !== undefined ? { user: who.user } : {}),
  };
}

/** Compares hashes so the time taken says nothing about how much of the secret matched. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
