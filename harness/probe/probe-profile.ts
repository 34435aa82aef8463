import type { DatabaseProfile } from './jdbc/database-profile.ts';
import type { PartnerProfile } from './sftp/partner-profile.ts';

/**
 * A profile written by `probe --save`, of either kind: an SFTP partner (TestConnection's answer
 * per connector security policy) or a database (Glue's answer per TLS setting). Types only, so
 * the reports that render one load none of the probe's clients.
 */
export type ProbeProfile = PartnerProfile | DatabaseProfile;

export function isDatabaseProfile(profile: ProbeProfile): profile is DatabaseProfile {
  return profile.target.startsWith('jdbc:');
}
