import type { IdpDiagnosis } from './idp-diagnosis.ts';
import type { IdpTestResult } from './emulated-idp-server.ts';

export type IdpVerdictKind = 'as-expected' | 'warning' | 'problem';

/** A case's verdict and the one line that explains it. */
export interface IdpVerdict {
  verdict: IdpVerdictKind;
  explanation: string;
}

/** For a users-file entry: the answer must be the one its `expect` names. */
export function judgeUser(result: IdpTestResult, expected: 'success' | 'failed-login', passwordLogin: boolean): IdpVerdict {
  const { diagnosis } = result;
  const broken = brokenAnswer(diagnosis);
  if (broken) return broken;
  if (diagnosis.kind !== expected) {
    return { verdict: 'problem', explanation: `expected ${expected}, got ${diagnosis.kind}${expected === 'success' ? ': check the user name, password and source IP with the provider' : ': the provider let in a login it should refuse'}` };
  }
  if (diagnosis.kind === 'success' && !passwordLogin && diagnosis.publicKeys === 0) {
    return { verdict: 'warning', explanation: 'accepted a key login but answered no PublicKeys: Transfer then refuses every key for this user' };
  }
  return { verdict: 'as-expected', explanation: expected === 'success' ? 'logged in, with a session Transfer can use' : 'denied cleanly (StatusCode 200, empty Response)' };
}

/**
 * An answer no login can use, whatever was expected: AWS refused the request (the provider was
 * never asked), the provider failed, or its session has the wrong shape.
 */
export function brokenAnswer(diagnosis: IdpDiagnosis): IdpVerdict | undefined {
  switch (diagnosis.kind) {
    case 'refused':
      return { verdict: 'problem', explanation: 'TestIdentityProvider refuses the request (see the diagnosis), so the provider was not asked' };
    case 'provider-error':
      return { verdict: 'problem', explanation: `the provider failed (${diagnosis.code}): Transfer refuses the login with an error, not a clean denial` };
    case 'invalid':
      return { verdict: 'problem', explanation: `a session Transfer cannot use (${diagnosis.code}): ${diagnosis.reason}` };
    default:
      return undefined;
  }
}

/**
 * For an attempt that must be denied: a clean denial is as expected, a failure or a bad shape a
 * problem (a provider should answer {} for what it does not know, not crash), a success `onSuccess`.
 */
export function judgeDenial(result: IdpTestResult, onSuccess: IdpVerdict, onFailure = ''): IdpVerdict {
  const { diagnosis } = result;
  if (diagnosis.kind === 'failed-login') return { verdict: 'as-expected', explanation: 'denied cleanly (StatusCode 200, empty Response)' };
  if (diagnosis.kind === 'success') return onSuccess;
  const broken = brokenAnswer(diagnosis)!;
  return onFailure && diagnosis.kind !== 'refused' ? { ...broken, explanation: `${broken.explanation}; ${onFailure}` } : broken;
}
