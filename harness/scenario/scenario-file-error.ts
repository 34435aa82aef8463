export interface FieldIssue {
  /** Dotted path into the file, e.g. `given.fakes.partner.users[0].name`. */
  path: string;
  /** The line in a YAML file where the field is written. */
  line?: number;
  /** What was expected there, and how to fix it. */
  message: string;
}

/** `['given', 'fakes', 'partner', 'users', 0]` → `given.fakes.partner.users[0]`. */
export function formatPath(at: readonly PropertyKey[]): string {
  return at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`)).join('');
}

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

/** `given.connectors.acme.SecurityPolicyNam (line 14)`. */
export function describeField(issue: FieldIssue): string {
  return `${issue.path || '(file)'}${issue.line ? ` (line ${issue.line})` : ''}`;
}
