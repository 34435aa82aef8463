export interface FieldIssue {
  /** Dotted path into the file, e.g. `given.fakes.partner.users[0].name`. */
  path: string;
  /** What was expected there, and how to fix it. */
  message: string;
}

/** A scenario file that cannot be used. Fails on its own; the other scenarios still run. */
export class ScenarioFileError extends Error {
  readonly code = 'SCENARIO_INVALID';

  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `Invalid scenario file ${file}:\n` + issues.map((issue) => `  - ${issue.path || '(file)'}: ${issue.message}`).join('\n'),
      options,
    );
    this.name = 'ScenarioFileError';
  }
}
