import { ansiCQuote, hasControlCharacters, printable } from '../../core/values/index.ts';
import { isSensitiveKey } from '../redaction/index.ts';

/**
 * The AWS CLI command that makes the same call as a scenario's `when`, for users who want to
 * reproduce it by hand: `aws transfer test-connection --connector-id c-… --endpoint-url …`.
 * Secret members (`UserPassword`) become shell variables, named in `secretVariables`, so the
 * command can be printed without the secret.
 */
export function awsCliCommand(
  operation: string,
  input: Record<string, unknown>,
  { endpointUrl, region }: { endpointUrl?: string; region: string },
): { text: string; secretVariables: string[] } {
  const [service, name] = operation.split(':') as [string, string];
  const parts = ['aws', service, kebab(name)];
  const secretVariables: string[] = [];
  for (const [member, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (isSensitiveKey(member)) {
      parts.push(`--${kebab(member)}`, `"$${variable(member, secretVariables)}"`);
    } else if (typeof value === 'string') {
      parts.push(`--${kebab(member)}`, quote(value));
    } else {
      parts.push(`--${kebab(member)}`, quoteJson(value, secretVariables));
    }
  }
  if (endpointUrl) parts.push('--endpoint-url', endpointUrl);
  parts.push('--region', region);
  return { text: parts.join(' '), secretVariables };
}

function variable(member: string, secretVariables: string[]): string {
  const name = `PH_${kebab(member).replace(/-/g, '_').toUpperCase()}`;
  if (!secretVariables.includes(name)) secretVariables.push(name);
  return name;
}

/**
 * A JSON argument. Secrets nested in it (Glue's ConnectionProperties.PASSWORD) become shell
 * variables, so the argument is double-quoted with everything else escaped.
 */
function quoteJson(value: unknown, secretVariables: string[]): string {
  const names: string[] = [];
  // JSON.stringify escapes C0 controls only; the other controls become JSON escapes too (the same value).
  const json = printable(
    JSON.stringify(value, (key, item) => {
      if (!key || !isSensitiveKey(key) || typeof item !== 'string') return item;
      names.push(variable(key, secretVariables));
      return `@@PH_SECRET_${names.length - 1}@@`;
    }),
  );
  if (names.length === 0) return quote(json);
  const escaped = json.replace(/[\\"$`]/g, (c) => `\\${c}`).replace(/@@PH_SECRET_(\d+)@@/g, (_m, i: string) => `\${${names[Number(i)]}}`);
  return `"${escaped}"`;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

/** One shell word: left bare when it is plain, else single-quoted. */
export function quote(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  // Control characters never reach the terminal the command is printed on: bash reads them back from escapes.
  return hasControlCharacters(value) ? ansiCQuote(value) : `'${value.replace(/'/g, `'\\''`)}'`;
}
