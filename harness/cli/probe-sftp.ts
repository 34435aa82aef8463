import { printableLines } from '../../core/values/index.ts';
import { renderProbePage } from '../reports/render-probe-page.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { profileYaml } from '../probe/profile-file.ts';
import { renderProbeJunit } from '../probe/sftp/render-probe-junit.ts';
import type { SftpLogin } from '../probe/sftp/login-to-sftp-server.ts';
import { toProfile } from '../probe/sftp/partner-profile.ts';
import type { PolicyPrediction } from '../probe/sftp/predict-policies.ts';
import { probeSftpPartner, type ProbedSftpPartner } from '../probe/sftp/probe-sftp-partner.ts';
import { PartnerUnreachableError, type SftpServerScan } from '../probe/sftp/scan-sftp-server.ts';
import { connectorSecurityPolicies } from '../aws/transfer/connectors/connector-security-policies.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseSftpTarget, readCredentials, refuseOptions, type ProbeValues } from './partner-options.ts';

/** `probe sftp://…`: what the partner's SSH server offers, and TestConnection's answer per security policy. */
export async function probeSftp(text: string, values: ProbeValues, timeoutMs: number, out: (text: string) => void): Promise<number> {
  refuseOptions(values, ['user', 'ca-file'], 'sftp:// targets (the user goes in the URL: sftp://user@host)');
  const target = parseSftpTarget(text);
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
  out(values.json ? `${JSON.stringify({ ...scan, login: login ?? null, policies }, null, 2)}\n` : printableLines(renderScan(scan) + renderLogin(login) + renderPolicies(policies, credentials !== undefined)));
  if (values.junit) await writeFileAtomic(values.junit, renderProbeJunit(`${target.host}:${target.port}`, policies));
  const profile = toProfile(text, scan, policies, credentials !== undefined);
  if (values.save) await writeFileAtomic(values.save, profileYaml(profile));
  if (values.html) await writeFileAtomic(values.html, renderProbePage(profile));
  const failing = required.filter((name) => policies.find((policy) => policy.name === name)?.status !== 'OK');
  if (failing.length > 0) {
    process.stderr.write(`partner-harness: TestConnection would fail under ${failing.join(', ')}\n`);
    return ExitCode.ScenarioFailed;
  }
  return ExitCode.Ok;
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
