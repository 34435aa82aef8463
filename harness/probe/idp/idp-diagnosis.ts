import { readProviderAnswer, type ProviderLogin, type ProviderProblemCode } from '../../../core/identity-provider/index.ts';

/** TestIdentityProvider's answer, as AWS gives it (secrets masked by the caller). */
export interface IdpAnswer {
  statusCode: number;
  message: string;
  response: string;
  /** API Gateway providers only: AWS sends no Url for a Lambda one (null). */
  url: string | null;
}

/** Why a provider gave no answer Transfer can read, from the catalogue entry the emulator answered with. */
export type IdpErrorCode = 'timeout' | 'unreachable' | 'http-error' | 'lambda-error' | 'lambda-not-found';

/**
 * Our reading of one answer, shown beside AWS's: what core/identity-provider makes of the
 * provider's body (the same reader the emulator's TestIdentityProvider judged it with), why there
 * was no body, or that AWS refused the request before calling the provider.
 */
export type IdpDiagnosis =
  | {
      kind: 'success';
      role: string;
      homeDirectoryType: 'PATH' | 'LOGICAL';
      homeDirectory?: string;
      homeDirectoryDetails?: Array<{ entry: string; target: string }>;
      /** How many PublicKeys came back; blank ones ('' as in AWS's examples) not counted. */
      publicKeys: number;
    }
  | { kind: 'failed-login' }
  | { kind: 'invalid'; code: ProviderProblemCode; reason: string }
  | { kind: 'provider-error'; code: IdpErrorCode; reason: string }
  /** TestIdentityProvider refused the request itself (a ValidationException): the provider was not called. */
  | { kind: 'refused'; error: string; reason: string };

const ERROR_CODES: Record<string, IdpErrorCode> = {
  'transfer.identity-provider.timeout': 'timeout',
  'transfer.identity-provider.unreachable': 'unreachable',
  'transfer.identity-provider.http-error': 'http-error',
  'transfer.identity-provider.http-status': 'http-error',
  'transfer.identity-provider.lambda-error': 'lambda-error',
  'transfer.identity-provider.lambda-not-found': 'lambda-not-found',
};

const ERROR_REASONS: Record<IdpErrorCode, (status: number) => string> = {
  timeout: () => 'the provider did not answer in time (API Gateway gives up after 29 s, Lambda after the function timeout)',
  unreachable: () => 'the URL could not be called: connection refused, unknown host or a TLS failure',
  'http-error': (status) => `HTTP ${status} instead of 200 with the provider's JSON`,
  'lambda-error': () => "the function threw or timed out instead of returning the provider's JSON",
  'lambda-not-found': () => 'no function has that ARN',
};

/**
 * A StatusCode 200 answer is read from its Response (empty for a failed login, AWS's documented
 * answer); any other status is named by the catalogue id the emulator answered with (`messageId`).
 */
export function diagnoseAnswer(answer: IdpAnswer, messageId: string | undefined, login: ProviderLogin = {}, emulatorReason?: string): IdpDiagnosis {
  if (answer.statusCode !== 200) {
    const code = (messageId && ERROR_CODES[messageId]) || 'http-error';
    // A handler's error or a network failure is in the emulator's diagnosis, not in AWS's Message: it says more than the generic reason.
    return { kind: 'provider-error', code, reason: (code === 'lambda-error' || code === 'unreachable' ? emulatorReason : undefined) ?? ERROR_REASONS[code](answer.statusCode) };
  }
  if (answer.response === '') return { kind: 'failed-login' };
  const verdict = readProviderAnswer(answer.response, login);
  switch (verdict.kind) {
    case 'success': {
      const { role, homeDirectoryType, homeDirectory, homeDirectoryDetails, publicKeys } = verdict.session;
      return {
        kind: 'success',
        role,
        homeDirectoryType,
        ...(homeDirectory !== undefined ? { homeDirectory } : {}),
        ...(homeDirectoryDetails ? { homeDirectoryDetails } : {}),
        publicKeys: publicKeys.filter((key) => key.trim() !== '').length,
      };
    }
    case 'failed-login':
      return { kind: 'failed-login' };
    case 'invalid':
      return { kind: 'invalid', code: verdict.problem.code, reason: verdict.problem.reason };
  }
}

/** One line for a table: the diagnosis in words. */
export function describeDiagnosis(diagnosis: IdpDiagnosis): string {
  switch (diagnosis.kind) {
    case 'success': {
      const home = diagnosis.homeDirectoryDetails
        ? `LOGICAL ${diagnosis.homeDirectoryDetails.map(({ entry, target }) => `${entry} → ${target}`).join(', ')}`
        : (diagnosis.homeDirectory ?? '(no home directory)');
      return `success: role ${diagnosis.role}, home ${home}, ${diagnosis.publicKeys} public key${diagnosis.publicKeys === 1 ? '' : 's'}`;
    }
    case 'failed-login':
      return 'failed-login: no usable Role, Transfer refuses the login';
    case 'invalid':
      return `invalid (${diagnosis.code}): ${diagnosis.reason}`;
    case 'provider-error':
      return `${diagnosis.code}: ${diagnosis.reason}`;
    case 'refused':
      return `refused by TestIdentityProvider (${diagnosis.error}): ${diagnosis.reason}`;
  }
}
