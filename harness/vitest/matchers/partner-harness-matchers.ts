import type { TextExpectation } from './text-expectation.ts';
import { toHaveTestConnectionStatus } from './to-have-test-connection-status.ts';
import { toRejectWithAwsError } from './to-reject-with-aws-error.ts';

/** The matchers, for `expect.extend(partnerHarnessMatchers)` (importing `partner-harness/vitest` does it). */
export const partnerHarnessMatchers = { toHaveTestConnectionStatus, toRejectWithAwsError };

/** Their types. Importing `partner-harness/vitest` adds them to vitest's `expect`. */
export interface PartnerHarnessMatchers<R = unknown> {
  /**
   * The status of a TestConnection answer, and optionally its message: Transfer's `Status` and
   * `StatusMessage`; Glue's (an empty answer is `'OK'`, and a failed test is the error it
   * throws, caught: `'ERROR'` and the error's message); or TestIdentityProvider's `StatusCode`
   * and `Message` (`toHaveTestConnectionStatus(200)`).
   */
  toHaveTestConnectionStatus(status: 'OK' | 'ERROR' | (string & {}) | number, message?: TextExpectation): R;
  /** The call rejects with the AWS exception of that name (and optionally that message); await it. */
  toRejectWithAwsError(name: string, message?: TextExpectation): Promise<R>;
}

declare module 'vitest' {
  // How vitest's documentation adds matchers: `Matchers` is part of both `expect(x)` (Assertion)
  // and `expect.*` (AsymmetricMatchersContaining).
  interface Matchers<T = any> extends PartnerHarnessMatchers<T> {}
}
