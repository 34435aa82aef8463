import { describeField, type FieldIssue } from '../../core/errors/index.ts';

export { describeField, formatPath, type FieldIssue } from '../../core/errors/index.ts';

/** A scenario file that cannot be used. Fails on its own; the other scenarios still run. */
export class ScenarioFileError extends Error {
  readonly code = 'SCENARIO_INVALID';

  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid scenario file ${file}:\n` + issues.map((issue) => `  - ${describeField(issue)}: ${issue.message}`).join('\n'), options);
    this.name = 'ScenarioFileError';
  }
}
