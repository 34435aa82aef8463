import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { checkOutputFolder, parseTimeout, PROBE_OPTIONS } from './partner-options.ts';
import { probeUsage } from './probe-usage.ts';

/**
 * `partner-harness probe <target>`: what a partner's server offers and what AWS's test operation
 * would answer. `sftp://…` (Transfer connectors), `jdbc:…` (Glue connections) and `idp …`
 * (Transfer custom identity providers); each loads its own clients only when used.
 */
export async function probeCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  if (args[0] === 'idp') return (await import('./probe-idp-command.ts')).probeIdpCommand(args.slice(1), out);
  const { values, positionals } = parseCommandArgs(args, PROBE_OPTIONS, probeUsage);
  if (values.help) {
    out(`${probeUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`probe takes one target, got ${positionals.length}, e.g. sftp://partner.example.com:22\n\n${probeUsage}`);
  const target = positionals[0]!;
  const timeoutMs = parseTimeout(values.timeout);
  checkOutputFolder('junit', values.junit);
  checkOutputFolder('save', values.save);
  checkOutputFolder('html', values.html);
  if (target.startsWith('jdbc:')) return (await import('./probe-database.ts')).probeDatabase(target, values, timeoutMs, out);
  return (await import('./probe-sftp.ts')).probeSftp(target, values, timeoutMs, out);
}
