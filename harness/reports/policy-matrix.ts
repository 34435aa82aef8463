import type { DatabaseProfile } from '../probe/jdbc/database-profile.ts';
import { isDatabaseProfile, type ProbeProfile } from '../probe/probe-profile.ts';
import type { PartnerProfile } from '../probe/sftp/partner-profile.ts';

/** One row's verdict: AWS's predicted answer, or none (a Glue setting the probe could not predict). */
export type MatrixVerdict = 'ok' | 'error' | 'skipped';

export const MATRIX_VERDICTS: readonly MatrixVerdict[] = ['ok', 'error', 'skipped'];

/** The text beside each colour, so a verdict reads without colour too. */
export const VERDICT_LABELS: Record<MatrixVerdict, string> = { ok: 'OK', error: 'ERROR', skipped: 'NOT PREDICTED' };

/** One row of a probe's matrix: a connector security policy (sftp) or a Glue TLS setting (jdbc). */
export interface MatrixRow {
  name: string;
  verdict: MatrixVerdict;
  /** AWS's words, exactly as the emulator answered; or why there is no answer. */
  message: string;
  provenance?: string;
  /** The algorithms the policy negotiated, as [what, name] pairs; sftp profiles with credentials only. */
  negotiated?: Array<[string, string]>;
}

/** A saved probe as what its report shows: the facts the server showed, then one row per policy or setting. */
export interface PolicyMatrix {
  kind: 'sftp' | 'jdbc';
  /** What the predictions assumed: real logins or none. */
  basis: string;
  rowHeader: string;
  facts: Array<[string, string]>;
  rows: MatrixRow[];
}

export function policyMatrix(profile: ProbeProfile): PolicyMatrix {
  return isDatabaseProfile(profile) ? databaseMatrix(profile) : sftpMatrix(profile);
}

function sftpMatrix(profile: PartnerProfile): PolicyMatrix {
  return {
    kind: 'sftp',
    basis: `TestConnection per connector security policy, predicted by the emulator ${profile.policiesWithCredentials ? 'with the given credentials (a real login per policy)' : 'for a connector that trusts no key yet (no credential sent)'}`,
    rowHeader: 'Security policy',
    facts: [
      ['probed', profile.probedAt],
      ['ident', profile.ident ?? '(none)'],
      ...(profile.banner !== undefined ? [['banner', JSON.stringify(profile.banner)] as [string, string]] : []),
      ...profile.hostKeys.map((key): [string, string] => [`host key ${key.type}`, key.fingerprint]),
      ['auth methods', profile.authMethods.join(', ') || '(none offered)'],
    ],
    rows: profile.policies.map((policy) => ({
      name: policy.name,
      verdict: policy.status === 'OK' ? 'ok' : 'error',
      message: policy.statusMessage,
      ...(policy.provenance !== undefined ? { provenance: policy.provenance } : {}),
      ...(policy.negotiated
        ? { negotiated: [['kex', policy.negotiated.kex], ['host key', policy.negotiated.serverHostKey], ['cipher', policy.negotiated.cipher], ['mac', policy.negotiated.mac || '(in the AEAD cipher)']] }
        : {}),
    })),
  };
}

function databaseMatrix(profile: DatabaseProfile): PolicyMatrix {
  const { tls } = profile;
  return {
    kind: 'jdbc',
    basis: `Glue TestConnection per TLS setting, predicted by the emulator ${profile.answersWithCredentials ? 'with the given credentials' : 'for a probe user with a random password (what fails before authentication)'}`,
    rowHeader: 'TLS setting',
    facts: [
      ['probed', profile.probedAt],
      ['version', profile.version ?? '(shown only after login)'],
      ['TLS', tls.offered ? `offered${tls.required === true ? ', required' : tls.required === false ? ', not required' : ''}` : 'not offered'],
      ...tls.certificates.map((certificate, i): [string, string] => [
        i === 0 ? 'server certificate' : `chain ${i}`,
        `${certificate.subject}${certificate.selfSigned ? ' (self-signed)' : ''}, valid to ${certificate.validTo}, ${certificate.fingerprint256}`,
      ]),
      ['authentication', profile.authMethod ?? '(not asked)'],
    ],
    rows: profile.answers.map((answer) => ({
      name: answer.setting,
      verdict: answer.skipped !== undefined ? 'skipped' : answer.status === 'OK' ? 'ok' : 'error',
      // AWS's words only: Glue's TestConnection answers success with an empty body, failure with an exception.
      message: answer.skipped ?? (answer.status === 'OK' ? '{}' : `${answer.exception ?? 'Error'}: ${answer.message ?? ''}`),
      ...(answer.provenance !== undefined ? { provenance: answer.provenance } : {}),
    })),
  };
}
