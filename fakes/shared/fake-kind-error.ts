/** Stable codes for what can go wrong with a kind of fake, so callers can tell them apart. */
export type FakeKindErrorCode =
  /** A definition that is not a usable kind (defineFakeKind, or a value in the config's `fakes`). */
  | 'FAKE_KIND_INVALID'
  /** Two kinds with one name, e.g. a user's kind named like a built-in one. */
  | 'FAKE_KIND_TAKEN'
  /** A kind's start() resolved to something that is not a started fake. */
  | 'FAKE_KIND_START_INVALID';

/** A kind of fake that cannot be used; the message says what is wrong and how to fix it. */
export class FakeKindError extends Error {
  constructor(
    readonly code: FakeKindErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FakeKindError';
  }
}
