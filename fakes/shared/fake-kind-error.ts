import { PartnerHarnessError } from '../../core/errors/index.ts';

/** Stable codes for what can go wrong with a kind of fake, so callers can tell them apart. */
export type FakeKindErrorCode =
  /** A definition that is not a usable kind (defineFakeKind, or a value in the config's `fakes`). */
  | 'FAKE_KIND_INVALID'
  /** Two kinds with one name, e.g. a user's kind named like a built-in one. */
  | 'FAKE_KIND_TAKEN'
  /** A kind's start() resolved to something that is not a started fake, or exposed host, port or url. */
  | 'FAKE_KIND_START_INVALID';

/** A kind of fake that cannot be used: what is wrong, then the fix. */
export class FakeKindError extends PartnerHarnessError {
  declare readonly code: FakeKindErrorCode;

  constructor(code: FakeKindErrorCode, message: string, options: { fix: string; cause?: unknown }) {
    super(code, message, options);
  }
}
