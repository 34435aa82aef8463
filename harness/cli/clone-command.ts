import { printableLines } from '../../core/values/index.ts';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { cloneProfile } from '../probe/sftp/clone-profile.ts';
import { checkProfile, ProfileFileError, readProfileData } from '../probe/profile-file.ts';
import { partnerProfileSchema } from '../probe/sftp/partner-profile.ts';
import { cloneUsage } from './clone-usage.ts';
import { ExitCode, UsageError } from './exit-codes.ts';
import { parseCommandArgs } from './parse-command-args.ts';

/** `partner-harness clone partners/acme.yaml`: scenario files whose fake plays the partner. */
export async function cloneCommand(args: string[], out: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, cloneUsage);
  if (values.help) {
    out(`${cloneUsage}\n`);
    return ExitCode.Ok;
  }
  if (positionals.length !== 1) throw new UsageError(`clone takes one profile, e.g. partners/acme.yaml (written by probe --save)\n\n${cloneUsage}`);
  const source = positionals[0]!;
  const data = await readProfileData(source);
  if (String((data as { target?: unknown } | null)?.target ?? '').startsWith('jdbc:')) {
    throw new ProfileFileError(
      `${source} is a database partner's profile: clone plays SFTP partners. For a database partner, declare a postgres or mysql fake with the same TLS (tls: true or required) in a glue:TestConnection scenario, and drift it against the partner`,
    );
  }
  const profile = checkProfile(source, data, partnerProfileSchema);
  const dir = values.out ?? join('scenarios', new URL(profile.target).hostname);
  const clone = cloneProfile(profile, source);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const scenario of clone.scenarios) {
    const file = join(dir, scenario.file);
    if (existsSync(file) && !values.force) {
      kept.push(relative(process.cwd(), file));
      continue;
    }
    await writeFile(file, scenario.yaml);
    written.push(relative(process.cwd(), file));
  }
  const lines = [`Cloned ${profile.target} into ${written.length} scenario file(s):`, ...written.map((file) => `  ${file}`)];
  if (kept.length > 0) lines.push(`Kept ${kept.length} existing file(s) (--force overwrites them):`, ...kept.map((file) => `  ${file}`));
  if (clone.notes.length > 0) lines.push('What the clone cannot reproduce:', ...clone.notes.map((note) => `  - ${note}`));
  lines.push(`Run them: partner-harness run ${relative(process.cwd(), dir) || '.'}`);
  // The profile is a shared file, and its values came from the partner's server.
  out(`${printableLines(lines.join('\n'))}\n`);
  return ExitCode.Ok;
}
