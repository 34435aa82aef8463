/** Distinct exit codes, so CI can tell a broken partner from a broken scenario file. */
export const ExitCode = {
  /** Every scenario passed. */
  Ok: 0,
  /** At least one scenario ran and did not get the expected answer. */
  ScenarioFailed: 1,
  /** Bad input: an invalid scenario file, an unknown flag, a path that does not exist. */
  InvalidInput: 2,
  /** Stopped by SIGINT/SIGTERM (128 + SIGINT, the shell convention). */
  Interrupted: 130,
} as const;

/** A mistake in how the command was called. The message says what to do instead. */
export class UsageError extends Error {
  readonly code = 'USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
