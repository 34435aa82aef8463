import { compareProfiles, type DriftChange } from '../probe/sftp/compare-profiles.ts';
import { readProfile, toProfile } from '../probe/sftp/partner-profile.ts';
import { renderDriftJunit } from '../probe/sftp/render-drift-junit.ts';
import { probeSftpPartner } from '../probe/sftp/probe-sftp-partner.ts';
import { PartnerUnreachableError } from '../probe/sftp/scan-sftp-server.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { driftUsage } from './drift-usage.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { checkOutputFolder, parseSftpTarget, parseTimeout, PARTNER_OPTIONS, readCredentials } from './partner-options.ts';

/** `partner-harness drift partners/acme.yaml`: what changed at the partner since probe --save. */
export async function driftCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, PARTNER_OPTIONS, driftUsage);
  if (values.help) {
    out(`${driftUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`drift takes one profile, e.g. partners/acme.yaml (written by probe --save)\n\n${driftUsage}`);
  const saved = await readProfile(positionals[0]!);
  const target = parseSftpTarget(saved.target);
  const timeoutMs = parseTimeout(values.timeout);
  checkOutputFolder('junit', values.junit);
  const credentials = await readCredentials(values, target.username);
  if (saved.policiesWithCredentials !== (credentials !== undefined)) {
    throw new UsageError(
      saved.policiesWithCredentials
        ? `${positionals[0]} was saved with credentials (its policy answers are real logins): give them again with --password-env, --private-key or --secret-file`
        : `${positionals[0]} was saved without credentials: drift without them too, or save a new profile with them`,
    );
  }
  let now;
  try {
    const probed = await probeSftpPartner({ target, credentials, timeoutMs });
    now = toProfile(saved.target, probed.scan, probed.policies, credentials !== undefined);
  } catch (error) {
    if (!(error instanceof PartnerUnreachableError)) throw error;
    process.stderr.write(`partner-harness: ${error.message}\n`);
    return ExitCode.Unreachable;
  }
  const changes = compareProfiles(saved, now);
  if (values.json) out(`${JSON.stringify({ target: saved.target, drift: changes.length > 0, changes }, null, 2)}\n`);
  else out(renderChanges(saved.target, saved.probedAt, changes));
  if (values.junit) await writeFileAtomic(values.junit, renderDriftJunit(saved.target, changes));
  return changes.length > 0 ? ExitCode.ScenarioFailed : ExitCode.Ok;
}

function renderChanges(target: string, probedAt: string, changes: DriftChange[]): string {
  if (changes.length === 0) return `${target}: no drift since ${probedAt}\n`;
  const lines = [`${target}: ${changes.length} change(s) since ${probedAt}`];
  for (const change of changes) lines.push(`  ! ${change.change}`, ...(change.fix ? [`    fix: ${change.fix}`] : []));
  return `${lines.join('\n')}\n`;
}
