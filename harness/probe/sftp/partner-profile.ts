import { z } from 'zod';
import type { PolicyPrediction } from './predict-policies.ts';
import type { SftpServerScan } from './scan-sftp-server.ts';

/**
 * What `probe --save` keeps of a partner, for `drift` (and `clone`) to compare against: what the
 * server showed and what TestConnection would answer. Public facts only: host keys are public,
 * and no credential, not even whether one was given, beyond the user name, is written.
 */
export const partnerProfileSchema = z
  .object({
    partnerHarnessProfile: z.literal(1),
    target: z.string().regex(/^sftp:\/\//),
    probedAt: z.string(),
    ident: z.string().optional(),
    banner: z.string().optional(),
    algorithms: z.object({
      kex: z.array(z.string()),
      serverHostKey: z.array(z.string()),
      cipher: z.array(z.string()),
      mac: z.array(z.string()),
      compression: z.array(z.string()),
    }),
    authMethods: z.array(z.string()),
    hostKeys: z.array(z.object({ type: z.string(), publicKey: z.string(), fingerprint: z.string() }).strict()),
    /** Whether the policy answers below came from real logins (with credentials) or host-key discovery. */
    policiesWithCredentials: z.boolean(),
    policies: z.array(
      z
        .object({
          name: z.string(),
          status: z.enum(['OK', 'ERROR']),
          statusMessage: z.string(),
          hostKey: z.string().optional(),
          provenance: z.string().optional(),
          /** Absent in profiles saved before it was recorded, and when the key exchange failed. */
          negotiated: z.object({ kex: z.string(), serverHostKey: z.string(), cipher: z.string(), mac: z.string() }).strict().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type PartnerProfile = z.infer<typeof partnerProfileSchema>;

export function toProfile(target: string, scan: SftpServerScan, policies: PolicyPrediction[], withCredentials: boolean, probedAt = new Date()): PartnerProfile {
  return {
    partnerHarnessProfile: 1,
    target,
    probedAt: probedAt.toISOString(),
    ...(scan.ident !== undefined ? { ident: scan.ident } : {}),
    ...(scan.banner !== undefined ? { banner: scan.banner } : {}),
    algorithms: scan.algorithms,
    authMethods: scan.authMethods,
    hostKeys: scan.hostKeys,
    policiesWithCredentials: withCredentials,
    policies,
  };
}
