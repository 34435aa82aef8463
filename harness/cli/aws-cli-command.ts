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
      const variable = `PH_${kebab(member).replace(/-/g, '_').toUpperCase()}`;
      secretVariables.push(variable);
      parts.push(`--${kebab(member)}`, `"$${variable}"`);
      continue;
    }
    parts.push(`--${kebab(member)}`, quote(typeof value === 'string' ? value : JSON.stringify(value)));
  }
  if (endpointUrl) parts.push('--endpoint-url', endpointUrl);
  parts.push('--region', region);
  return { text: parts.join(' '), secretVariables };
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}

function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
