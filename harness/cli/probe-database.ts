import { profileYaml } from '../probe/profile-file.ts';
import type { DatabaseServerScan } from '../probe/jdbc/database-server-scan.ts';
import { toDatabaseProfile } from '../probe/jdbc/database-profile.ts';
import { parseJdbcTarget } from '../probe/jdbc/parse-jdbc-target.ts';
import { GLUE_TLS_SETTINGS } from '../probe/jdbc/glue-tls-settings.ts';
import type { GlueAnswerPrediction } from '../probe/jdbc/predict-glue-answers.ts';
import { renderGlueJunit } from '../probe/jdbc/render-glue-junit.ts';
import { probeDatabasePartner, type ProbedDatabasePartner } from '../probe/jdbc/probe-database-partner.ts';
import { printableLines } from '../../core/values/index.ts';
import { PartnerUnreachableError } from '../probe/sftp/scan-sftp-server.ts';
import { renderProbePage } from '../reports/render-probe-page.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { readCaFile, readDatabaseCredentials, refuseOptions, type ProbeValues } from './partner-options.ts';

/** `probe jdbc:…`: what the database server shows, and Glue TestConnection's answer per TLS setting. */
export async function probeDatabase(text: string, values: ProbeValues, timeoutMs: number, out: (text: string) => void): Promise<number> {
  refuseOptions(values, ['private-key', 'trusted-host-key'], 'jdbc: targets');
  const target = parseJdbcTarget(text);
  const credentials = await readDatabaseCredentials(values);
  const required = values['require-policy'] ?? [];
  for (const name of required) {
    if (!Object.hasOwn(GLUE_TLS_SETTINGS, name)) throw new UsageError(`--require-policy ${name}: for jdbc: targets, name a Glue TLS setting: ${Object.keys(GLUE_TLS_SETTINGS).join(', ')}`);
  }
  if (required.length > 0 && !credentials) throw new UsageError('--require-policy needs credentials (--user with --password-env, or --secret-file): a setting passes when TestConnection logs in');
  const root = values['ca-file'] === undefined ? undefined : { pem: await readCaFile(values['ca-file']), from: 'ca-file' as const };
  let probed: ProbedDatabasePartner;
  try {
    probed = await probeDatabasePartner({ target, ...(credentials ? { credentials } : {}), ...(root ? { root } : {}), timeoutMs });
  } catch (error) {
    if (!(error instanceof PartnerUnreachableError)) throw error;
    process.stderr.write(`partner-harness: ${error.message}\n`);
    return ExitCode.Unreachable;
  }
  const { scan, answers } = probed;
  out(values.json ? `${JSON.stringify({ ...scan, answers }, null, 2)}\n` : printableLines(renderDatabaseScan(scan) + renderAnswers(answers, credentials !== undefined)));
  if (values.junit) await writeFileAtomic(values.junit, renderGlueJunit(`${target.host}:${target.port}`, answers));
  const profile = toDatabaseProfile(text, probed, credentials !== undefined);
  if (values.save) await writeFileAtomic(values.save, profileYaml(profile));
  if (values.html) await writeFileAtomic(values.html, renderProbePage(profile));
  const unpredicted = required.filter((name) => answers.find((answer) => answer.setting === name)?.skipped !== undefined);
  if (unpredicted.length > 0) throw new UsageError(`--require-policy ${unpredicted.join(', ')}: not predicted, the server sent no self-signed root; give the partner's root CA with --ca-file`);
  const failing = required.filter((name) => answers.find((answer) => answer.setting === name)?.status !== 'OK');
  if (failing.length > 0) {
    process.stderr.write(`partner-harness: Glue TestConnection would fail with ${failing.join(', ')}\n`);
    return ExitCode.ScenarioFailed;
  }
  return ExitCode.Ok;
}

function renderDatabaseScan(scan: DatabaseServerScan): string {
  const { target, tls } = scan;
  const lines = [`${target.engine} ${target.host}:${target.port}${target.database ? `/${target.database}` : ''}  ${scan.version !== undefined ? scan.version : '(version shown only after login)'}`];
  lines.push(`TLS: ${tls.offered ? `offered${tls.required === true ? ', required' : tls.required === false ? ', not required' : ''}${tls.protocol ? ` (${tls.protocol}${tls.cipher ? `, ${tls.cipher}` : ''})` : ''}` : 'not offered'}`);
  for (const [i, certificate] of tls.certificates.entries()) {
    lines.push(
      `  ${i === 0 ? 'server' : `chain ${i}`}: ${certificate.subject}${certificate.selfSigned ? ' (self-signed)' : ''}`,
      `    issuer ${certificate.issuer}`,
      ...(certificate.subjectAltName.length > 0 ? [`    names ${certificate.subjectAltName.join(', ')}`] : []),
      `    valid to ${certificate.validTo} (${certificate.expiresInDays < 0 ? `expired ${-certificate.expiresInDays} day(s) ago` : `${certificate.expiresInDays} day(s) left`})`,
      `    ${certificate.fingerprint256}`,
    );
  }
  lines.push(`authentication: ${scan.authMethod ?? '(not asked)'}${scan.authMechanisms ? ` (${scan.authMechanisms.join(', ')})` : ''}`, '(the certificates\' PEM, for CUSTOM_JDBC_CERT: --json)');
  if (scan.serverError) lines.push(`the server answered: ${scan.serverError.code ? `${scan.serverError.code} ` : ''}${scan.serverError.message}`);
  if (!scan.login) lines.push('', 'login: not attempted (give --user with --password-env, or --secret-file)');
  else lines.push('', scan.login.ok ? `login: ok${scan.login.tls ? ' over TLS' : ' without TLS'}` : `login: failed: ${scan.login.reason}`);
  return `${lines.join('\n')}\n`;
}

function renderAnswers(answers: GlueAnswerPrediction[], withCredentials: boolean): string {
  const lines = [
    '',
    withCredentials
      ? 'Glue TestConnection, predicted by the emulator, for a JDBC connection with these credentials:'
      : 'Glue TestConnection, predicted by the emulator, for a probe user with a random password (the login itself fails; what fails before it shows):',
  ];
  for (const answer of answers) {
    const status = answer.skipped !== undefined ? 'SKIP ' : answer.status === 'OK' ? 'OK   ' : 'ERROR';
    const detail = answer.skipped ?? (answer.status === 'OK' ? '{}' : `${answer.exception}: ${answer.message ?? ''}${answer.provenance ? ` (${answer.provenance})` : ''}`);
    lines.push(`  ${status} ${answer.setting}`, `        ${detail}`);
  }
  return `${lines.join('\n')}\n`;
}
