import { PartnerHarnessError } from './partner-harness-error.ts';

/**
 * An SSH or PEM key that cannot be used: not parseable, encrypted, of an unsupported type, or the
 * public half where the private one is needed. The message says which key and what form to pass.
 */
export class InvalidKeyError extends PartnerHarnessError {
  declare readonly code: 'INVALID_KEY';

  constructor(message: string, options?: { fix?: string; cause?: unknown }) {
    super('INVALID_KEY', message, options);
  }
}
