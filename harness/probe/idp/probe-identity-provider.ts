import { InvalidOptionError } from '../../../core/errors/index.ts';
import type { LambdaHandler } from '../../aws/index.ts';
import { Redactor } from '../../redaction/index.ts';
import { EmulatedIdpServer, type IdpAttempt, type IdpTestResult } from './emulated-idp-server.ts';
import { idpEdgeCases, type SkippedIdpEdgeCase } from './idp-edge-cases.ts';
import type { IdpTarget } from './idp-target.ts';
import type { IdpProbeUser } from './idp-users-file.ts';
import { judgeUser, type IdpVerdict } from './judge-idp-answer.ts';

/** One attempt as reported: what was sent (never the password), AWS's answer, our diagnosis, the verdict. */
export type IdpCaseReport = { username: string; protocol: string; sourceIp: string | null; passwordLogin: boolean } & IdpTestResult & IdpVerdict;

/** `probe idp --json`: see probe-idp-usage.ts for the documented shape. */
export interface IdpProbeReport {
  target: string;
  type: IdpTarget['type'];
  users: Array<IdpCaseReport & { expected: 'success' | 'failed-login' }>;
  edgeCases: Array<{ name: string } & IdpCaseReport>;
  skippedEdgeCases: SkippedIdpEdgeCase[];
  /**
   * False only for an API Gateway URL whose first call got no answer (refused, unknown host, or
   * silent until the timeout; the probe stops there), or that no call reached: one answer of any
   * kind means it is reachable.
   */
  reachable: boolean;
}

export interface ProbeIdentityProviderOptions {
  /** As the user gave it, for the report. */
  targetText: string;
  target: IdpTarget;
  handler?: LambdaHandler;
  users: IdpProbeUser[];
  /** Named in the error when TestIdentityProvider refuses a user's attempt. */
  usersFile: string;
  timeoutMs?: number;
  /** Receives every password as it is sent; the report has been through it. */
  redactor?: Redactor;
}

/**
 * Asks TestIdentityProvider, on an emulated Transfer server using this provider, for each user
 * and then for each edge case, and judges every answer. The emulated endpoint is stopped on every
 * path. A user whose attempt AWS refuses outright (a user name outside Transfer's pattern, say)
 * is a mistake in the users file: InvalidOptionError with AWS's words.
 */
export async function probeIdentityProvider(options: ProbeIdentityProviderOptions): Promise<IdpProbeReport> {
  // The server registers each password as it sends it; the report goes through them all at the end.
  const redactor = options.redactor ?? new Redactor();
  const { cases, skipped } = idpEdgeCases(options.users);
  await using server = await EmulatedIdpServer.start({ target: options.target, handler: options.handler, timeoutMs: options.timeoutMs, redactor });
  const users: IdpProbeReport['users'] = [];
  for (const [i, user] of options.users.entries()) {
    const result = await server.test(user);
    if (result.diagnosis.kind === 'refused') {
      throw new InvalidOptionError(`--users ${options.usersFile}: users[${i}]: TestIdentityProvider refuses this attempt: ${result.diagnosis.error}: ${result.diagnosis.reason}`, {
        fix: 'Transfer cannot test it; correct or remove this user',
      });
    }
    users.push({ ...sent(user), ...result, expected: user.expect, ...judgeUser(result, user.expect, user.password !== undefined) });
    // Nothing answers at the URL (refused, or silent until the timeout): every other attempt
    // would only fail, or wait as long again, so the probe stops here.
    if (i === 0 && options.target.type === 'API_GATEWAY' && result.diagnosis.kind === 'provider-error' && (result.diagnosis.code === 'unreachable' || result.diagnosis.code === 'timeout')) {
      return redactor.redact({ target: options.targetText, type: options.target.type, users, edgeCases: [], skippedEdgeCases: skipped, reachable: false });
    }
  }
  const edgeCases: IdpProbeReport['edgeCases'] = [];
  const earlier = new Map<string, IdpTestResult>();
  for (const edge of cases) {
    const result = await server.test(edge.attempt);
    edgeCases.push({ name: edge.name, ...sent(edge.attempt), ...result, ...edge.judge(result, earlier) });
    earlier.set(edge.name, result);
  }
  const answered = [...users, ...edgeCases].filter((entry) => entry.diagnosis.kind !== 'refused');
  const reachable = options.target.type === 'AWS_LAMBDA' || answered.some((entry) => !(entry.diagnosis.kind === 'provider-error' && entry.diagnosis.code === 'unreachable'));
  return redactor.redact({ target: options.targetText, type: options.target.type, users, edgeCases, skippedEdgeCases: skipped, reachable });
}

function sent(attempt: IdpAttempt): Pick<IdpCaseReport, 'username' | 'protocol' | 'sourceIp' | 'passwordLogin'> {
  return { username: attempt.username, protocol: attempt.protocol, sourceIp: attempt.sourceIp ?? null, passwordLogin: attempt.password !== undefined };
}

/** 0-style outcome: every user as expected and no edge case a problem. */
export function idpProbePassed(report: IdpProbeReport): boolean {
  return report.users.every((user) => user.verdict !== 'problem') && report.edgeCases.every((edge) => edge.verdict !== 'problem');
}
