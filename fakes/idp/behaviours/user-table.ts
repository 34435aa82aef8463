import type { RequestHandler } from 'msw';
import { isAllowed, parseCidrs, type Cidr } from '../ip-allow-list.ts';
import { readAuthRequest, type IdpAuthRequest } from '../idp-request.ts';
import { idpConfigRoute, providerJson } from '../idp-route.ts';
import { sessionResponse, validateIdpUser, type IdpUser } from '../idp-user.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

export interface UserTableOptions {
  /**
   * Match usernames case-insensitively, as the AWS toolkit does (it lowercases them).
   * Off by default: Transfer passes the username exactly as the client typed it.
   */
  caseInsensitiveUsernames?: boolean;
}

/** A user ready to answer: validated, with its allow-list parsed. */
export interface KnownUser {
  user: IdpUser;
  cidrs: Cidr[];
}

export function knownUser(user: IdpUser, where: string): KnownUser {
  validateIdpUser(user, where);
  return { user: structuredClone(user), cidrs: parseCidrs(user.ipAllowList ?? [], where) };
}

/**
 * What a well-behaved provider answers for one attempt: the session on success, `{}` otherwise
 * (unknown user, source IP outside the allow-list, wrong or unset password, no keys for key auth).
 */
export function answerFor(known: KnownUser | undefined, auth: IdpAuthRequest): Record<string, unknown> {
  if (!known || !isAllowed(auth.sourceIp, known.cidrs)) return {};
  const { user } = known;
  if (auth.password !== undefined) return user.password !== undefined && user.password === auth.password ? sessionResponse(user) : {};
  const keys = user.publicKeys ?? [];
  return keys.length > 0 ? { ...sessionResponse(user), PublicKeys: [...keys] } : {};
}

/** A provider backed by a fixed table of users; it answers every username (unknown ones get `{}`). */
export function userTable(options: { users: IdpUser[] } & UserTableOptions): RequestHandler[] {
  if (!Array.isArray(options?.users)) throw new InvalidOptionError(`userTable: expected { users: IdpUser[] }, got ${JSON.stringify(options)}`);
  const fold = options.caseInsensitiveUsernames ? (name: string) => name.toLowerCase() : (name: string) => name;
  const table = new Map<string, KnownUser>();
  for (const user of options.users) {
    const known = knownUser(user, 'userTable');
    const key = fold(user.username);
    if (table.has(key)) throw new InvalidOptionError(`userTable: user '${user.username}' is listed twice${options.caseInsensitiveUsernames ? ' (usernames are case-insensitive)' : ''}`);
    table.set(key, known);
  }
  return [
    idpConfigRoute(({ request, params }) => {
      const auth = readAuthRequest(request, params);
      return providerJson(answerFor(table.get(fold(auth.username)), auth));
    }),
  ];
}
