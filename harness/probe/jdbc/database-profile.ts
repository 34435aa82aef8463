import { z } from 'zod';
import type { DatabaseServerScan } from './database-server-scan.ts';
import { GLUE_TLS_SETTINGS, type GlueAnswerPrediction } from './predict-glue-answers.ts';

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
    /** Whether the answers below came from real logins (with credentials) or a probe user's. */
    answersWithCredentials: z.boolean(),
    answers: z.array(
      z
        .object({
          setting: z.enum(Object.keys(GLUE_TLS_SETTINGS) as [keyof typeof GLUE_TLS_SETTINGS]),
          status: z.enum(['OK', 'ERROR']),
          exception: z.string().optional(),
          message: z.string().optional(),
          skipped: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type DatabaseProfile = z.infer<typeof databaseProfileSchema>;

export function toDatabaseProfile(target: string, scan: DatabaseServerScan, answers: GlueAnswerPrediction[], withCredentials: boolean, probedAt = new Date()): DatabaseProfile {
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
    answersWithCredentials: withCredentials,
    answers: answers.map(({ setting, status, exception, message, skipped }) => ({
      setting,
      status,
      ...(exception !== undefined ? { exception } : {}),
      ...(message !== undefined ? { message } : {}),
      ...(skipped !== undefined ? { skipped } : {}),
    })),
  };
}
