import { PartnerHarnessError } from './partner-harness-error.ts';

/**
 * A fake, engine or container that the machine could run but that did not start: its port is
 * taken, the process exited or never answered, an OS user it needs is held by another fake. The
 * message carries the process's log tail (secrets redacted); `cause` the underlying error.
 */
export class FakeStartError extends PartnerHarnessError {
  declare readonly code: 'FAKE_START_FAILED';

  constructor(message: string, options?: { fix?: string; cause?: unknown }) {
    super('FAKE_START_FAILED', message, options);
  }
}
