import { PartnerHarnessError } from '../../core/errors/index.ts';
import { Redactor } from '../redaction/index.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { parseIdpTarget } from '../probe/idp/idp-target.ts';
import { readIdpUsersFile } from '../probe/idp/idp-users-file.ts';
import { loadIdpHandler } from '../probe/idp/load-idp-handler.ts';
import { idpProbePassed, probeIdentityProvider, type IdpProbeReport } from '../probe/idp/probe-identity-provider.ts';
import { renderIdpJunit } from '../probe/idp/render-idp-junit.ts';
import { renderIdpTable } from '../probe/idp/render-idp-table.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { checkOutputFolder, parseTimeout } from './partner-options.ts';
import { probeIdpUsage } from './probe-idp-usage.ts';

/** `partner-harness probe idp <URL | handler file> --users FILE`: TestIdentityProvider per user and per edge case. */
export async function probeIdpCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { users: { type: 'string' }, json: { type: 'boolean' }, junit: { type: 'string' }, html: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    probeIdpUsage,
  );
  if (values.help) {
    out(`${probeIdpUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`probe idp takes one provider, got ${positionals.length}, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com/prod or ./idp/handler.mjs\n\n${probeIdpUsage}`);
  // Taken only to say why: a typo'd or misplaced option is never silently ignored.
  if (values.html !== undefined) throw new UsageError('--html: probe idp has no policy matrix (its answers are per user and edge case, not per security policy); use --json or --junit, or --html with an sftp:// or jdbc: target');
  if (values.users === undefined) throw new UsageError('probe idp needs --users <file>: users: [{ username: alice, passwordEnv: ALICE_PASSWORD }] (see partner-harness probe idp --help)');
  const timeoutMs = values.timeout === undefined ? undefined : parseTimeout(values.timeout);
  checkOutputFolder('junit', values.junit);
  const target = parseIdpTarget(positionals[0]!);
  // API Gateway answers 504 itself after 29 s: Transfer never waits longer for it.
  if (target.type === 'API_GATEWAY' && timeoutMs !== undefined && timeoutMs > 29_000) throw new UsageError(`--timeout ${timeoutMs}: API Gateway ends an integration after 29000 ms, so Transfer never waits longer; give at most 29000`);
  const users = await readIdpUsersFile(values.users);
  const redactor = new Redactor().add(...users.map((user) => user.password));
  let report: IdpProbeReport;
  try {
    const handler = target.type === 'AWS_LAMBDA' ? await loadIdpHandler(target) : undefined;
    report = await probeIdentityProvider({ targetText: positionals[0]!, target, handler, users, usersFile: values.users, timeoutMs, redactor });
  } catch (error) {
    // What reaches the terminal (a handler's load error, AWS's words) goes through the redactor too.
    if (error instanceof PartnerHarnessError) error.message = redactor.redactString(error.message);
    throw error;
  }
  if (!report.reachable) {
    const first = [...report.users, ...report.edgeCases].find((entry) => entry.answer);
    const why = first ? `${first.answer!.message}${first.diagnosis.kind === 'provider-error' ? `: ${first.diagnosis.reason}` : ''}` : 'no answer';
    process.stderr.write(redactor.redactString(`partner-harness: ${report.target}: the identity provider did not answer (${why})\n`));
    return ExitCode.Unreachable;
  }
  out(redactor.redactString(values.json ? `${JSON.stringify(report, null, 2)}\n` : renderIdpTable(report)));
  if (values.junit) await writeFileAtomic(values.junit, redactor.redactString(renderIdpJunit(report)));
  return idpProbePassed(report) ? ExitCode.Ok : ExitCode.ScenarioFailed;
}
