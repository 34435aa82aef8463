/**
 * The base of every error a user of partner-harness can meet: a builder given a bad option, a
 * runtime this machine lacks, an invalid scenario or config file, a fake that cannot start.
 * `code` is stable (match on it, not on the text). The message says what is wrong and the fix;
 * `fix` also holds the fix alone, for tools that show it apart.
 */
export class PartnerHarnessError extends Error {
  readonly fix?: string;

  constructor(
    readonly code: string,
    message: string,
    options: { fix?: string; cause?: unknown } = {},
  ) {
    super(options.fix ? `${message}. ${options.fix}` : message, { cause: options.cause });
    this.name = new.target.name;
    this.fix = options.fix;
  }
}
