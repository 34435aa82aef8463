import { parseArgs } from 'node:util';
import { PartnerUnreachableError, scanSftpServer, type SftpServerScan } from '../probe/sftp/scan-sftp-server.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { probeUsage } from './probe-usage.ts';

/** `partner-harness probe sftp://…`: what the partner's server offers, as a table or JSON. */
export async function probeCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${probeUsage}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${probeUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`probe takes one target, got ${positionals.length}, e.g. sftp://partner.example.com:22\n\n${probeUsage}`);
  const target = parseSftpTarget(positionals[0]!);
  const timeoutMs = values.timeout === undefined ? 10_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) throw new UsageError(`--timeout ${values.timeout}: give milliseconds between 100 and 600000, e.g. --timeout 10000`);
  let scan: SftpServerScan;
  try {
    scan = await scanSftpServer({ ...target, timeoutMs });
  } catch (error) {
    if (!(error instanceof PartnerUnreachableError)) throw error;
    process.stderr.write(`partner-harness: ${error.message}\n`);
    return ExitCode.Unreachable;
  }
  out(values.json ? `${JSON.stringify(scan, null, 2)}\n` : renderScan(scan));
  return ExitCode.Ok;
}

/** `sftp://[user@]host[:port]`, port 22 by default; anything else is a usage error with an example. */
export function parseSftpTarget(text: string): { host: string; port: number; username?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`'${text}' is not a URL: give sftp://[user@]host[:port], e.g. sftp://acme@sftp.partner.example.com:22`);
  }
  if (url.protocol !== 'sftp:') throw new UsageError(`'${text}': probe takes sftp:// URLs, e.g. sftp://sftp.partner.example.com`);
  if (url.password) {
    // Not echoed: the message would print the password it warns about.
    url.password = '***';
    throw new UsageError(`'${url.href}': remove the password from the sftp:// URL (it ends up in shell history and logs); probe logs in with no credential`);
  }
  if (!url.hostname) throw new UsageError(`'${text}' has no host, e.g. sftp://sftp.partner.example.com`);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw new UsageError(`'${text}': give only sftp://[user@]host[:port], without a path or query`);
  return {
    // IPv6 literals come bracketed from URL: ssh2 takes them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 22,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
  };
}

function renderScan(scan: SftpServerScan): string {
  const lines = [`${scan.target.host}:${scan.target.port}  ${scan.ident ?? ''}`];
  if (scan.banner) lines.push(`banner: ${JSON.stringify(scan.banner)}`);
  lines.push('', 'host keys (TrustedHostKeys form):');
  for (const key of scan.hostKeys) lines.push(`  ${key.publicKey}`, `    ${key.fingerprint}`);
  lines.push('', 'algorithms offered, in the server’s order:');
  const names: Record<keyof SftpServerScan['algorithms'], string> = { kex: 'kex', serverHostKey: 'host key', cipher: 'cipher', mac: 'mac', compression: 'compression' };
  for (const [slot, label] of Object.entries(names) as Array<[keyof SftpServerScan['algorithms'], string]>) lines.push(`  ${label.padEnd(12)} ${scan.algorithms[slot].join(', ')}`);
  lines.push('', `authentication methods: ${scan.authMethods.join(', ') || '(none offered)'}`);
  return `${lines.join('\n')}\n`;
}
