import { z } from 'zod';
import { X509Certificate } from 'node:crypto';
import { GLUE_TLS_SETTINGS } from './glue-tls-settings.ts';
import type { ProbedDatabasePartner } from './probe-database-partner.ts';

/**
 * What `probe jdbc:… --save` keeps of a database partner, for `drift`: what the server showed
 * (version, TLS, certificates, auth method) and what Glue TestConnection would answer per TLS
 * setting. Public facts only: certificates are public; no password, not even the login's result.
 */
export const databaseProfileSchema = z
  .object({
    partnerHarnessProfile: z.literal(1),
    target: z.string().regex(/^jdbc:(postgresql|mysql|mariadb):\/\//, { error: 'expected a jdbc:postgresql:// or jdbc:mysql:// URL' }),
    probedAt: z.string(),
    version: z.string().optional(),
    tls: z
      .object({
        offered: z.boolean(),
        required: z.boolean().optional(),
        certificates: z.array(
          z.object({ subject: z.string(), subjectAltName: z.array(z.string()), issuer: z.string(), selfSigned: z.boolean(), validTo: z.string(), fingerprint256: z.string() }).strict(),
        ),
      })
      .strict(),
    authMethod: z.string().optional(),
    /**
     * The root the CUSTOM_JDBC_CERT answers were predicted with (--ca-file, or the server's
     * self-signed certificate): what the user places in S3, so drift predicts with it again.
     */
    customCertRoot: z.object({ from: z.enum(['ca-file', 'server']), fingerprint256: z.string(), pem: z.string().max(64 * 1024) }).strict().optional(),
    /** Whether the answers below came from real logins (with credentials) or a probe user's. */
    answersWithCredentials: z.boolean(),
    answers: z.array(
      z
        .object({
          setting: z.enum(Object.keys(GLUE_TLS_SETTINGS) as [keyof typeof GLUE_TLS_SETTINGS]),
          status: z.enum(['OK', 'ERROR']),
          exception: z.string().optional(),
          message: z.string().optional(),
          /** Where the answer's text comes from (the message catalogue); absent in profiles saved before it was recorded. */
          provenance: z.string().optional(),
          skipped: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type DatabaseProfile = z.infer<typeof databaseProfileSchema>;

export function toDatabaseProfile(target: string, { scan, answers, customCertRoot }: ProbedDatabasePartner, withCredentials: boolean, probedAt = new Date()): DatabaseProfile {
  return {
    partnerHarnessProfile: 1,
    target,
    probedAt: probedAt.toISOString(),
    ...(scan.version !== undefined ? { version: scan.version } : {}),
    tls: {
      offered: scan.tls.offered,
      ...(scan.tls.required !== undefined ? { required: scan.tls.required } : {}),
      certificates: scan.tls.certificates.map(({ subject, subjectAltName, issuer, selfSigned, validTo, fingerprint256 }) => ({ subject, subjectAltName, issuer, selfSigned, validTo, fingerprint256 })),
    },
    ...(scan.authMethod !== undefined ? { authMethod: scan.authMethod } : {}),
    ...(customCertRoot ? { customCertRoot: { from: customCertRoot.from, fingerprint256: new X509Certificate(customCertRoot.pem).fingerprint256, pem: customCertRoot.pem } } : {}),
    answersWithCredentials: withCredentials,
    answers: answers.map(({ setting, status, exception, message, provenance, skipped }) => ({
      setting,
      status,
      ...(exception !== undefined ? { exception } : {}),
      ...(message !== undefined ? { message } : {}),
      ...(provenance !== undefined ? { provenance } : {}),
      ...(skipped !== undefined ? { skipped } : {}),
    })),
  };
}
