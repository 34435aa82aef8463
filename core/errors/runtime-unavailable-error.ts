import { PartnerHarnessError } from './partner-harness-error.ts';

/**
 * This machine cannot run the runtime asked for: sshd or a database engine is not installed, no
 * Docker engine is reachable, a directory the engine must enter is closed to it. Nothing is wrong
 * with the configuration; the message says what to install or change, or which runtime to use.
 */
export class RuntimeUnavailableError extends PartnerHarnessError {
  declare readonly code: 'RUNTIME_UNAVAILABLE';

  constructor(message: string, options?: { fix?: string; cause?: unknown }) {
    super('RUNTIME_UNAVAILABLE', message, options);
  }
}
