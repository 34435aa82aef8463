import { printableLines } from '../../core/values/index.ts';
import { checkProfile, ProfileFileError, readProfileData } from '../probe/profile-file.ts';
import { compareProfiles, type DriftChange } from '../probe/sftp/compare-profiles.ts';
import { partnerProfileSchema, toProfile } from '../probe/sftp/partner-profile.ts';
import { renderDriftJunit } from '../probe/render-drift-junit.ts';
import { probeSftpPartner } from '../probe/sftp/probe-sftp-partner.ts';
import { PartnerUnreachableError } from '../probe/sftp/scan-sftp-server.ts';
import { writeFileAtomic } from '../reports/write-file-atomic.ts';
import { driftUsage } from './drift-usage.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { checkOutputFolder, parseSftpTarget, parseTimeout, PARTNER_OPTIONS, readCaFile, readCredentials, readDatabaseCredentials, refuseOptions } from './partner-options.ts';

const DRIFT_OPTIONS = { ...PARTNER_OPTIONS, user: { type: 'string' }, 'ca-file': { type: 'string' } } as const;

/** `partner-harness drift partners/acme.yaml`: what changed at the partner since probe --save. */
export async function driftCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DRIFT_OPTIONS, driftUsage);
  if (values.help) {
    out(`${driftUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`drift takes one profile, e.g. partners/acme.yaml (written by probe --save)\n\n${driftUsage}`);
  const file = positionals[0]!;
  const data = await readProfileData(file);
  const timeoutMs = parseTimeout(values.timeout);
  checkOutputFolder('junit', values.junit);
  const isDatabase = String((data as { target?: unknown } | null)?.target ?? '').startsWith('jdbc:');
  let target: string;
  let probedAt: string;
  let changes: DriftChange[];
  let warnings: string[];
  try {
    ({ target, probedAt, changes, warnings } = isDatabase ? await databaseDrift(file, data, values, timeoutMs) : await sftpDrift(file, data, values, timeoutMs));
  } catch (error) {
    if (!(error instanceof PartnerUnreachableError)) throw error;
    process.stderr.write(`partner-harness: ${error.message}\n`);
    return ExitCode.Unreachable;
  }
  if (values.json) out(`${JSON.stringify({ target, drift: changes.length > 0, changes, warnings }, null, 2)}\n`);
  else out(printableLines(renderChanges(target, probedAt, changes) + warnings.map((warning) => `  note: ${warning}\n`).join('')));
  if (values.junit) await writeFileAtomic(values.junit, renderDriftJunit(target, isDatabase ? 'database' : 'sftp', changes));
  return changes.length > 0 ? ExitCode.ScenarioFailed : ExitCode.Ok;
}

type DriftValues = Parameters<typeof readCredentials>[0] & { user?: string; 'ca-file'?: string };
type Drift = { target: string; probedAt: string; changes: DriftChange[]; warnings: string[] };

async function sftpDrift(file: string, data: unknown, values: DriftValues, timeoutMs: number): Promise<Drift> {
  refuseOptions(values, ['user', 'ca-file'], 'sftp:// profiles (the user is in the profile\'s URL)');
  const saved = checkProfile(file, data, partnerProfileSchema);
  const target = parseSftpTarget(saved.target);
  const credentials = await readCredentials(values, target.username);
  sameLogin(file, saved.policiesWithCredentials, credentials !== undefined, '--password-env, --private-key or --secret-file');
  const probed = await probeSftpPartner({ target, credentials, timeoutMs });
  const now = toProfile(saved.target, probed.scan, probed.policies, credentials !== undefined);
  return { target: saved.target, probedAt: saved.probedAt, changes: compareProfiles(saved, now), warnings: [] };
}

async function databaseDrift(file: string, data: unknown, values: DriftValues, timeoutMs: number): Promise<Drift> {
  refuseOptions(values, ['private-key'], 'jdbc: profiles');
  // Loaded for database partners only: the drivers and the Glue SDK are not needed for SFTP ones.
  const [{ databaseProfileSchema, toDatabaseProfile }, { compareDatabaseProfiles, expiryWarnings }, { parseJdbcTarget }, { probeDatabasePartner }] = await Promise.all([
    import('../probe/jdbc/database-profile.ts'),
    import('../probe/jdbc/compare-database-profiles.ts'),
    import('../probe/jdbc/parse-jdbc-target.ts'),
    import('../probe/jdbc/probe-database-partner.ts'),
  ]);
  const saved = checkProfile(file, data, databaseProfileSchema);
  let target;
  try {
    target = parseJdbcTarget(saved.target);
  } catch (error) {
    throw new ProfileFileError(`${file}: target: ${(error as Error).message}`);
  }
  const credentials = await readDatabaseCredentials(values);
  sameLogin(file, saved.answersWithCredentials, credentials !== undefined, '--user with --password-env, or --secret-file');
  // The root the user placed in S3: a new --ca-file, else the one the profile was probed with.
  const root = values['ca-file'] !== undefined ? { pem: await readCaFile(values['ca-file']), from: 'ca-file' as const } : saved.customCertRoot;
  const probed = await probeDatabasePartner({ target, ...(credentials ? { credentials } : {}), ...(root ? { root: { pem: root.pem, from: root.from } } : {}), timeoutMs });
  const now = toDatabaseProfile(saved.target, probed, credentials !== undefined);
  return { target: saved.target, probedAt: saved.probedAt, changes: compareDatabaseProfiles(saved, now), warnings: expiryWarnings(now) };
}

/** Answers with a real login and answers without one are not comparable: drift as the profile was saved. */
function sameLogin(file: string, savedWith: boolean, givenNow: boolean, how: string): void {
  if (savedWith === givenNow) return;
  throw new UsageError(
    savedWith
      ? `${file} was saved with credentials (its answers are real logins): give them again with ${how}`
      : `${file} was saved without credentials: drift without them too, or save a new profile with them`,
  );
}

function renderChanges(target: string, probedAt: string, changes: DriftChange[]): string {
  if (changes.length === 0) return `${target}: no drift since ${probedAt}\n`;
  const lines = [`${target}: ${changes.length} change(s) since ${probedAt}`];
  for (const change of changes) lines.push(`  ! ${change.change}`, ...(change.fix ? [`    fix: ${change.fix}`] : []));
  return `${lines.join('\n')}\n`;
}
