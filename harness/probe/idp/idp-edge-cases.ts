import { randomBytes } from 'node:crypto';
import type { IdpAttempt, IdpTestResult } from './emulated-idp-server.ts';
import { brokenAnswer, judgeDenial, type IdpVerdict } from './judge-idp-answer.ts';
import { IDP_PROTOCOLS, type IdpProbeUser } from './idp-users-file.ts';

/** An attempt Transfer may make that providers often get wrong, and how to read its answer. */
export interface IdpEdgeCase {
  name: string;
  attempt: IdpAttempt;
  /** `earlier` holds the results of the cases before this one, by name. */
  judge(result: IdpTestResult, earlier: ReadonlyMap<string, IdpTestResult>): IdpVerdict;
}

/** An edge case left out, and why. */
export interface SkippedIdpEdgeCase {
  name: string;
  reason: string;
}

/** TEST-NET-3 (RFC 5737): no provider's allow-list should hold it. */
export const OUTSIDE_IP = '203.0.113.77';

/** User names Transfer users have; none should be known to the provider. */
const UNKNOWN_USERS: Array<[name: string, username: string]> = [
  ["user name with '@'", 'first.last@example.com'],
  ["user name with '+'", 'first+tag'],
  ["user name with '.'", 'first.last'],
  ['user name with a space', 'first last'],
  ['non-ASCII user name (Latin)', 'Jürgen'],
  ['non-ASCII user name (CJK)', '用户'],
];

const PASSWORD_CASES = ['password with edge spaces', 'password beyond Latin-1', ...IDP_PROTOCOLS.map((protocol) => `base user over ${protocol}`), `source IP ${OUTSIDE_IP}`];

/**
 * The edge-case set, after the users: unknown user names with the characters that break
 * providers (all need a clean denial), then, as the first user with a password (the base user),
 * passwords with edge spaces and beyond Latin-1, a key login, each protocol, and a source IP
 * outside any allow-list. Without a password user the password cases are skipped, and said so.
 */
export function idpEdgeCases(users: IdpProbeUser[], random = randomBytes(6).toString('hex')): { cases: IdpEdgeCase[]; skipped: SkippedIdpEdgeCase[] } {
  const cases: IdpEdgeCase[] = UNKNOWN_USERS.map(([name, username]) => ({
    name,
    attempt: { username, password: `unknown-${random}`, protocol: 'SFTP' },
    judge: (result) =>
      result.diagnosis.kind === 'refused'
        ? { verdict: 'warning', explanation: 'TestIdentityProvider refuses this user name, so AWS cannot ask the provider about it; a real login still sends it there: try one with an SFTP client' }
        : judgeDenial(result, { verdict: 'problem', explanation: 'accepted a user no provider should know' }),
  }));
  const base = users.find((user) => user.password !== undefined);
  const keyUser = base ?? users[0]!;
  cases.push({ name: 'public-key login', attempt: { username: keyUser.username, protocol: keyUser.protocol, ...at(keyUser) }, judge: judgeKeyLogin });
  if (!base) {
    const reason = 'no user in the users file has a password';
    return { cases, skipped: PASSWORD_CASES.map((name) => ({ name, reason })) };
  }
  const password = base.password!;
  const as = (over: Partial<IdpAttempt>): IdpAttempt => ({ username: base.username, password, protocol: base.protocol, ...at(base), ...over });
  cases.push(
    {
      name: 'password with edge spaces',
      attempt: as({ password: ` ${password} ` }),
      judge: (result) =>
        judgeDenial(result, {
          verdict: 'warning',
          explanation: "accepted the password with a leading and a trailing space: the provider trims passwords (behind API Gateway it may read the Password header, whose edge spaces HTTP drops: read PasswordBase64)",
        }),
    },
    {
      name: 'password beyond Latin-1',
      attempt: as({ password: `密码-€-${random}` }),
      judge: (result) =>
        judgeDenial(result, { verdict: 'problem', explanation: 'accepted a wrong password' }, 'a password beyond Latin-1 must be denied like any wrong one: behind API Gateway, decode PasswordBase64 as UTF-8'),
    },
    ...IDP_PROTOCOLS.map((protocol): IdpEdgeCase => ({ name: `base user over ${protocol}`, attempt: as({ protocol }), judge: (result, earlier) => judgeProtocol(protocol, result, earlier) })),
    {
      name: `source IP ${OUTSIDE_IP}`,
      attempt: as({ sourceIp: OUTSIDE_IP }),
      judge: (result) =>
        result.diagnosis.kind === 'failed-login'
          ? { verdict: 'as-expected', explanation: `refused a login from ${OUTSIDE_IP} (TEST-NET-3)` }
          : judgeDenial(result, { verdict: 'warning', explanation: `accepted a login from ${OUTSIDE_IP}: if the provider keeps an allow-list, it should refuse this` }),
    },
  );
  return { cases, skipped: [] };
}

function at(user: IdpProbeUser): { sourceIp?: string } {
  return user.sourceIp === undefined ? {} : { sourceIp: user.sourceIp };
}

function judgeKeyLogin(result: IdpTestResult): IdpVerdict {
  const { diagnosis } = result;
  if (diagnosis.kind === 'failed-login') return { verdict: 'as-expected', explanation: 'refuses a key login for this user (it logs in with a password)' };
  if (diagnosis.kind !== 'success') return brokenAnswer(diagnosis)!;
  if (diagnosis.publicKeys === 0) return { verdict: 'warning', explanation: 'accepted a key login but answered no PublicKeys: Transfer then refuses every key' };
  return { verdict: 'as-expected', explanation: `answered ${diagnosis.publicKeys} public key${diagnosis.publicKeys === 1 ? '' : 's'} for Transfer to check the client's key against` };
}

/** Each protocol must get an answer; one that differs from SFTP's is worth a look, not a failure. */
function judgeProtocol(protocol: string, result: IdpTestResult, earlier: ReadonlyMap<string, IdpTestResult>): IdpVerdict {
  const broken = brokenAnswer(result.diagnosis);
  if (broken) return broken;
  const sftp = earlier.get('base user over SFTP');
  if (protocol === 'SFTP' || !sftp) return { verdict: 'as-expected', explanation: `${result.diagnosis.kind} over ${protocol}` };
  if (JSON.stringify(sftp.diagnosis) === JSON.stringify(result.diagnosis)) return { verdict: 'as-expected', explanation: `${result.diagnosis.kind}, the same answer as over SFTP` };
  return {
    verdict: 'warning',
    explanation: `answers differently over ${protocol} (${result.diagnosis.kind}) than over SFTP (${sftp.diagnosis.kind}): right if the provider limits this user's protocols, else it reads the protocol parameter wrongly`,
  };
}
