import { PartnerHarnessError } from './partner-harness-error.ts';

/**
 * A builder, an option or a method given a value it cannot use: `withUser('')`, an unknown fault
 * kind, a port out of range, a duplicate name. Thrown where the value is given (or by `start()`
 * when only the whole configuration shows it); the message names the method, the value and the fix.
 */
export class InvalidOptionError extends PartnerHarnessError {
  declare readonly code: 'INVALID_OPTION';

  constructor(message: string, options?: { fix?: string; cause?: unknown }) {
    super('INVALID_OPTION', message, options);
  }
}
