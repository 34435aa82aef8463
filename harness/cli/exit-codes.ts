import { PartnerHarnessError } from '../../core/errors/index.ts';

/** Distinct exit codes, so CI can tell a broken partner from a broken scenario file or a broken harness. */
export const ExitCode = {
  /** Every scenario passed. */
  Ok: 0,
  /** At least one scenario ran and did not get the expected answer (or a worker crashed). */
  ScenarioFailed: 1,
  /** Bad input: an invalid scenario file, an unknown flag, a path that does not exist, nothing selected. */
  InvalidInput: 2,
  /** The harness itself failed (a bug, or a machine it cannot run on); the message says what. */
  InternalError: 3,
  /** probe: the partner could not be reached (a partner's problem, not ours, but not a verdict either). */
  Unreachable: 3,
  /** Stopped by SIGINT/SIGTERM (128 + SIGINT, the shell convention). */
  Interrupted: 130,
} as const;

/** A mistake in how the command (or runScenarios) was called. The message says what to do instead. */
export class UsageError extends PartnerHarnessError {
  declare readonly code: 'USAGE';
  constructor(message: string) {
    super('USAGE', message);
  }
}
