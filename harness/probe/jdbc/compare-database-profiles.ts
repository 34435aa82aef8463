import { printable } from '../../../core/values/index.ts';
import type { DriftChange } from '../sftp/compare-profiles.ts';
import type { DatabaseProfile } from './database-profile.ts';

/** A certificate this close to expiry is named at every drift run, so the renewal is not a surprise. */
const EXPIRY_WARNING_DAYS = 30;

/**
 * Not drift (nothing changed) but what will break without a change: the server certificate
 * expiring within 30 days, or expired. Printed by drift beside the changes; the exit code is the
 * changes' alone.
 */
export function expiryWarnings(now: DatabaseProfile): string[] {
  const leaf = now.tls.certificates[0];
  if (!leaf) return [];
  const days = Math.floor((Date.parse(leaf.validTo) - Date.parse(now.probedAt)) / 86_400_000);
  if (days >= EXPIRY_WARNING_DAYS) return [];
  return [
    days < 0
      ? `the server certificate expired ${-days} day(s) ago (${leaf.validTo}): ask the partner for a renewed one`
      : `the server certificate expires in ${days} day(s) (${leaf.validTo}): ask the partner for the renewed certificate and, for CUSTOM_JDBC_CERT, its root`,
  ];
}

/** What changed at a database partner from `saved` to `now`, each change named with what to do. Empty: no drift. */
export function compareDatabaseProfiles(saved: DatabaseProfile, now: DatabaseProfile): DriftChange[] {
  const changes: DriftChange[] = [];
  if (saved.version !== now.version) changes.push({ aspect: 'version', change: `the server's version changed: ${printable(saved.version ?? '(unknown)')} → ${printable(now.version ?? '(unknown)')}` });
  if (saved.tls.offered !== now.tls.offered) {
    changes.push({
      aspect: 'tls',
      change: now.tls.offered ? 'the server now offers TLS' : 'the server no longer offers TLS',
      ...(now.tls.offered ? {} : { fix: 'A connection with JDBC_ENFORCE_SSL fails now ("The server does not support SSL."): ask the partner to restore TLS' }),
    });
  }
  if (saved.tls.required !== now.tls.required && saved.tls.required !== undefined && now.tls.required !== undefined) {
    changes.push({ aspect: 'tls', change: now.tls.required ? 'the server now refuses connections without TLS' : 'the server now accepts connections without TLS' });
  }
  const [before, after] = [saved.tls.certificates[0], now.tls.certificates[0]];
  if (before && after && before.fingerprint256 !== after.fingerprint256) {
    changes.push({
      aspect: 'certificate',
      change: `the server certificate changed: ${before.subject} ${before.fingerprint256} → ${after.subject} ${after.fingerprint256} (issuer ${after.issuer}, valid to ${after.validTo})`,
      // Whether the connection still trusts it is what the CUSTOM_JDBC_CERT answers below tell:
      // they were predicted again with the root the profile saved.
      fix: after.selfSigned
        ? 'The new certificate signs itself: verify its fingerprint with the partner, then place it in S3 for CUSTOM_JDBC_CERT (the old one no longer validates it)'
        : `Verify the new certificate with the partner; if its issuer ${after.issuer} is a new CA, place that CA's root in S3 for CUSTOM_JDBC_CERT`,
    });
  }
  if (saved.authMethod !== now.authMethod) {
    changes.push({ aspect: 'auth-methods', change: `the authentication method changed: ${printable(saved.authMethod ?? '(unknown)')} → ${printable(now.authMethod ?? '(unknown)')}`, fix: 'Check that the Glue connection\'s driver supports the new method' });
  }
  if (saved.answersWithCredentials === now.answersWithCredentials) {
    for (const answer of now.answers) {
      const old = saved.answers.find((candidate) => candidate.setting === answer.setting);
      if (!old || old.skipped || answer.skipped) continue;
      if (old.status !== answer.status || old.exception !== answer.exception || comparable(old.message) !== comparable(answer.message)) {
        changes.push({
          aspect: 'policy',
          subject: answer.setting,
          change: `Glue TestConnection with ${answer.setting} would now answer ${describe(answer)} (was ${describe(old)})`,
          ...(answer.status === 'ERROR' ? { fix: 'Fix what the message names before the nightly job runs, or change the connection\'s TLS settings to one that still passes' } : {}),
        });
      }
    }
  }
  return changes;
}

/**
 * A message as drift compares it: without what differs between runs and says nothing of the
 * partner (MySQL names the client's address in 'user'@'10.0.0.7'; a timeout names --timeout).
 */
function comparable(message: string | undefined): string | undefined {
  return message?.replace(/'([^']*)'@'[^']*'/g, "'$1'@'…'").replace(/\d+(\.\d+)? seconds/g, 'N seconds');
}

function describe(answer: DatabaseProfile['answers'][number]): string {
  return answer.status === 'OK' ? 'OK' : `${answer.exception ?? 'ERROR'} "${printable(answer.message ?? '')}"`;
}
