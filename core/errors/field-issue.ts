/** One problem in a user's file (a scenario, the config): where it is and how to fix it. */
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

/** `given.connectors.acme.SecurityPolicyNam (line 14)`. */
export function describeField(issue: FieldIssue): string {
  return `${issue.path || '(file)'}${issue.line ? ` (line ${issue.line})` : ''}`;
}
