import type { RequestHandler } from 'msw';
import { readAuthRequest } from '../idp-request.ts';
import { idpConfigRoute, providerJson } from '../idp-route.ts';
import type { IdpUser } from '../idp-user.ts';
import { answerFor, knownUser } from './user-table.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

export { MALFORMED_KINDS, type MalformedKind } from './malformed-kinds.ts';
import { MALFORMED_KINDS, type MalformedKind } from './malformed-kinds.ts';

type Session = Record<string, unknown>;

const DEFAULT_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };

/**
 * Logs `user` in like userTable would (wrong password or bad IP → `{}`), then breaks one thing
 * in the answer. Requests for other usernames fall through to the next handler.
 */
export function malformed(kind: MalformedKind, user: IdpUser): RequestHandler[] {
  if (!MALFORMED_KINDS.includes(kind)) throw new InvalidOptionError(`malformed: unknown kind ${JSON.stringify(kind)}; use one of ${MALFORMED_KINDS.join(', ')}`);
  const known = knownUser(user, `malformed('${kind}')`);
  if (kind === 'public-keys-string' && !user.publicKeys?.length) throw new InvalidOptionError(`malformed('public-keys-string'): user '${user.username}' needs publicKeys`);
  if (kind === 'policy-object') policyObject(user);
  return [
    idpConfigRoute(({ request, params }) => {
      if (params.username !== user.username) return undefined;
      const answer = answerFor(known, readAuthRequest(request, params));
      return providerJson(Object.keys(answer).length === 0 ? answer : breakSession(kind, answer, known.user));
    }),
  ];
}

function breakSession(kind: MalformedKind, session: Session, user: IdpUser): Session {
  const home = user.homeDirectory ?? `/home/${user.username}`;
  const details = user.homeDirectoryDetails ?? [{ Entry: '/', Target: home }];
  const { HomeDirectory: _home, HomeDirectoryDetails: _details, ...rest } = session;
  switch (kind) {
    case 'home-directory-details-array':
      return { ...rest, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: details };
    case 'home-directory-with-logical':
      return { ...rest, HomeDirectoryType: 'LOGICAL', HomeDirectory: home, HomeDirectoryDetails: JSON.stringify(details) };
    case 'home-directory-details-bad-entries':
      return { ...rest, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: JSON.stringify(details.map(({ Entry }) => ({ Entry }))) };
    case 'public-keys-string':
      return { ...session, PublicKeys: user.publicKeys![0] };
    case 'policy-object':
      return { ...session, Policy: policyObject(user) };
    case 'posix-profile-string':
      return { ...session, PosixProfile: JSON.stringify(posixOf(user)) };
    case 'posix-uid-string': {
      const posix = posixOf(user);
      return { ...session, PosixProfile: { ...posix, Uid: String(posix.Uid) } };
    }
    case 'missing-role':
    case 'blank-role': {
      const { Role: _role, ...withoutRole } = withHomeDirectory(session, home);
      return kind === 'blank-role' ? { Role: '', ...withoutRole } : withoutRole;
    }
  }
}

function policyObject(user: IdpUser): unknown {
  if (user.policy === undefined) return DEFAULT_POLICY;
  if (typeof user.policy === 'object') return user.policy;
  try {
    return JSON.parse(user.policy);
  } catch {
    throw new InvalidOptionError(`malformed('policy-object'): user '${user.username}' has a policy that is not JSON; give an object or a JSON string`);
  }
}

function posixOf(user: IdpUser): { Uid: number; Gid: number; SecondaryGids?: number[] } {
  return user.posixProfile ?? { Uid: 1000, Gid: 1000 };
}

// Without a home directory the answer would be refused for two reasons; keep it to one.
function withHomeDirectory(session: Session, home: string): Session {
  if (session.HomeDirectory !== undefined) return session;
  const { HomeDirectoryDetails: _details, ...rest } = session;
  return { ...rest, HomeDirectoryType: 'PATH', HomeDirectory: home };
}
