import { describeField, PartnerHarnessError, type FieldIssue } from '../../core/errors/index.ts';

export { describeField, formatPath, type FieldIssue } from '../../core/errors/index.ts';

/** A scenario file that cannot be used. Fails on its own; the other scenarios still run. */
export class ScenarioFileError extends PartnerHarnessError {
  declare readonly code: 'SCENARIO_INVALID';

  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super('SCENARIO_INVALID', `Invalid scenario file ${file}:\n` + issues.map((issue) => `  - ${describeField(issue)}: ${issue.message}`).join('\n'), options);
  }
}
