import { describeField, PartnerHarnessError, type FieldIssue } from '../../core/errors/index.ts';

/** A config file that cannot be used: each field, what is wrong and the fix. The run does not start. */
export class ConfigError extends PartnerHarnessError {
  declare readonly code: 'CONFIG_INVALID';

  constructor(
    readonly file: string,
    readonly issues: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super('CONFIG_INVALID', `Invalid config file ${file}:\n` + issues.map((issue) => `  - ${describeField(issue)}: ${issue.message}`).join('\n'), options);
  }
}
