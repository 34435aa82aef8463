import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { renderProbeJunit } from '../probe/sftp/render-probe-junit.ts';
import type { SftpLogin } from '../probe/sftp/login-to-sftp-server.ts';
import { profileYaml, toProfile } from '../probe/sftp/partner-profile.ts';
import type { ConnectorCredentials, PolicyPrediction } from '../probe/sftp/predict-policies.ts';
import { probeSftpPartner, type ProbedSftpPartner } from '../probe/sftp/probe-sftp-partner.ts';
import { PartnerUnreachableError, type SftpServerScan } from '../probe/sftp/scan-sftp-server.ts';
import { connectorSecurityPolicies } from '../aws/transfer/connectors/connector-security-policies.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { probeUsage } from './probe-usage.ts';

/** `partner-harness probe sftp://…`: what the partner's server offers, as a table or JSON. */
export async function probeCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        junit: { type: 'string' },
        save: { type: 'string' },
        timeout: { type: 'string' },
        'password-env': { type: 'string' },
        'private-key': { type: 'string' },
        'secret-file': { type: 'string' },
        'trusted-host-key': { type: 'string', multiple: true },
        'require-policy': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
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
  for (const option of ['junit', 'save'] as const) {
    const file = values[option];
    if (file !== undefined && !existsSync(dirname(file))) throw new UsageError(`--${option} ${file}: the folder ${dirname(file)} does not exist; create it or write elsewhere`);
  }
  const credentials = await readCredentials(values, target.username);
  const required = values['require-policy'] ?? [];
  for (const name of required) {
    if (!Object.hasOwn(connectorSecurityPolicies, name)) throw new UsageError(`--require-policy ${name}: not a connector security policy; use one of ${Object.keys(connectorSecurityPolicies).join(', ')}`);
  }
  if (required.length > 0 && !credentials) throw new UsageError('--require-policy needs credentials (--password-env, --private-key or --secret-file): a policy passes when TestConnection logs in');
  let probed: ProbedSftpPartner;
  try {
    probed = await probeSftpPartner({ target, credentials, trustedHostKeys: values['trusted-host-key'], timeoutMs });
  } catch (error) {
    if (!(error instanceof PartnerUnreachableError)) throw error;
    process.stderr.write(`partner-harness: ${error.message}\n`);
    return ExitCode.Unreachable;
  }
  const { scan, login, policies } = probed;
  out(values.json ? `${JSON.stringify({ ...scan, login: login ?? null, policies }, null, 2)}\n` : renderScan(scan) + renderLogin(login) + renderPolicies(policies, credentials !== undefined));
  if (values.junit) await writeFileAtomic(values.junit, renderProbeJunit(`${target.host}:${target.port}`, policies));
  if (values.save) await writeFileAtomic(values.save, profileYaml(toProfile(positionals[0]!, scan, policies, credentials !== undefined)));
  const failing = required.filter((name) => policies.find((policy) => policy.name === name)?.status !== 'OK');
  if (failing.length > 0) {
    process.stderr.write(`partner-harness: TestConnection would fail under ${failing.join(', ')}\n`);
    return ExitCode.ScenarioFailed;
  }
  return ExitCode.Ok;
}

/** The connector's login from --secret-file, --password-env or --private-key; undefined for none. */
export async function readCredentials(values: { 'password-env'?: string; 'private-key'?: string; 'secret-file'?: string }, urlUser: string | undefined): Promise<ConnectorCredentials | undefined> {
  const given = (['password-env', 'private-key', 'secret-file'] as const).filter((name) => values[name] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length > 1) throw new UsageError(`give one of --password-env, --private-key and --secret-file, not ${given.map((name) => `--${name}`).join(' and ')}`);
  if (values['secret-file'] !== undefined) {
    const file = values['secret-file'];
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      // The parser's message may quote the file: say only what is wrong.
      throw new UsageError(`--secret-file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not a JSON object'}; write the connector secret as {"Username": "…", "Password": "…"} or with "PrivateKey"`);
    }
    const { Username, Password, PrivateKey } = fields ?? {};
    if (typeof Username !== 'string' || Username === '' || (typeof Password !== 'string' && typeof PrivateKey !== 'string')) {
      throw new UsageError(`--secret-file ${file}: needs Username and Password or PrivateKey, as the connector's secret in Secrets Manager`);
    }
    return { username: Username, ...(typeof Password === 'string' ? { password: Password } : {}), ...(typeof PrivateKey === 'string' ? { privateKey: PrivateKey } : {}) };
  }
  if (!urlUser) throw new UsageError('give the user name in the URL (sftp://user@host) with --password-env or --private-key');
  if (values['password-env'] !== undefined) {
    const password = process.env[values['password-env']];
    if (!password) throw new UsageError(`--password-env ${values['password-env']}: that environment variable is not set; export it with the password (it is never printed)`);
    return { username: urlUser, password };
  }
  const file = values['private-key']!;
  try {
    return { username: urlUser, privateKey: await readFile(file, 'utf8') };
  } catch {
    throw new UsageError(`--private-key ${file}: cannot read it; give an unencrypted OpenSSH or PEM private key file`);
  }
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

function renderLogin(login: SftpLogin | undefined): string {
  if (!login) return '\nlogin: not attempted (give --password-env, --private-key or --secret-file)\n';
  if (!login.ok) return `\nlogin as ${login.username}: failed at ${login.stage}: ${login.reason}\n`;
  const listed = login.entries.length > 0 ? login.entries.join(', ') + (login.truncated ? ', …' : '') : '(empty)';
  return `\nlogin as ${login.username} (${login.method}): sftp opened, home ${login.home}: ${listed}\n`;
}

function renderPolicies(policies: PolicyPrediction[], withCredentials: boolean): string {
  const lines = [
    '',
    withCredentials
      ? 'TestConnection, predicted by the emulator, for a connector with these credentials and trusted keys:'
      : 'TestConnection, predicted by the emulator, for a connector that trusts no key yet (no credential sent):',
  ];
  for (const policy of policies) {
    lines.push(`  ${policy.status === 'OK' ? 'OK   ' : 'ERROR'} ${policy.name}`, `        ${policy.statusMessage}${policy.provenance ? ` (${policy.provenance})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
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
