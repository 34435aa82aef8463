import { readFile, stat } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { PartnerHarnessError } from '../../core/errors/index.ts';

/** A partner profile that cannot be read or is not one (the CLI exits 2). */
export class ProfileFileError extends PartnerHarnessError {
  constructor(message: string) {
    super('PROFILE_INVALID', message);
  }
}

/** The largest profile read: a few host keys or certificates, not megabytes. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/** A profile as YAML, with a header that says what wrote it and that it holds no credential. */
export function profileYaml(profile: object): string {
  return `# partner-harness partner profile: written by \`partner-harness probe --save\`, read by \`drift\`.\n# Public facts only (host keys and certificates are public); no credential is stored.\n${stringify(profile, { lineWidth: 0 })}`;
}

/** Reads a saved profile's YAML; a file that is not one is the user's mistake (exit 2), named. */
export async function readProfileData(file: string): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_PROFILE_BYTES) throw new ProfileFileError(`${file}: ${size} bytes is too large for a profile; write it again with \`partner-harness probe --save ${file}\``);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ProfileFileError) throw error;
    throw new ProfileFileError(`${file}: cannot read it; give a profile written by \`partner-harness probe --save ${file}\``);
  }
  try {
    return parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ProfileFileError(`${file}: not YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Checks profile data against its schema, naming the first wrong field; `fix` replaces the default advice (probe --save again). */
export function checkProfile<Schema extends z.ZodType>(file: string, data: unknown, schema: Schema, fix = `write it again with \`partner-harness probe --save ${file}\``): z.output<Schema> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProfileFileError(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}; ${fix}`);
  }
  return parsed.data;
}
