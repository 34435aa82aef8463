import { databaseProfileSchema } from './jdbc/database-profile.ts';
import type { ProbeProfile } from './probe-profile.ts';
import { checkProfile, readProfileData } from './profile-file.ts';
import { partnerProfileSchema } from './sftp/partner-profile.ts';

/**
 * Reads a profile written by `probe --save`, of either kind (its target says which: `jdbc:…` or
 * `sftp://…`). A file that is not one is a ProfileFileError naming the file, the field and the fix.
 */
export async function loadProbeProfile(file: string): Promise<ProbeProfile> {
  return checkProbeProfile(file, await readProfileData(file));
}

/** Checks data that should be a probe profile; `fix` ends the message when the field is wrong. */
export function checkProbeProfile(where: string, data: unknown, fix?: string): ProbeProfile {
  const target = (data as { target?: unknown } | null)?.target;
  const schema = typeof target === 'string' && target.startsWith('jdbc:') ? databaseProfileSchema : partnerProfileSchema;
  return checkProfile(where, data, schema, fix);
}
