import { z } from 'zod';
import { fakeRuntime, text } from '../shared/config-schema-parts.ts';
import { HOST_KEY_TYPES } from '../../core/ssh/index.ts';
import { MAX_LOGIN_GRACE_TIME_MS, parseMaxStartups } from './login-limits.ts';

const hostKeyType = z.enum(HOST_KEY_TYPES);

const sftpFault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refuse-login') }).strict(),
  z.object({ kind: z.literal('close-after-ident') }).strict(),
  z.object({ kind: z.literal('close-after-kex') }).strict(),
  z.object({ kind: z.literal('hang') }).strict(),
  z.object({ kind: z.literal('delay-ident'), ms: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('reject-sftp') }).strict(),
]);

/** sshd_config's `MaxStartups` value: "start:rate:full", or one number n (start = full = n). */
const maxStartups = z
  .union([z.string(), z.number()], { error: 'expected sshd_config\'s form "start:rate:full" (e.g. "10:30:100") or one number' })
  .transform((value, ctx) => {
    try {
      return parseMaxStartups(String(value));
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const sftpUser = z
  .object({
    name: text,
    password: text.optional(),
    /** OpenSSH public key lines, or references such as `{{ keys.alice.publicKey }}`. */
    publicKeys: z.array(text).optional(),
    files: z.record(z.string(), text).optional(),
  })
  .strict();

/** Users the fake does not know are authenticated by an identity provider, as on a Transfer server. */
const sftpIdentityProvider = z.union([
  z.object({ url: z.string(), serverId: z.string().optional() }).strict(),
  /** Another fake of kind idp, called the way Transfer calls an AWS_LAMBDA provider. */
  z.object({ fake: z.string(), serverId: z.string().optional() }).strict(),
]);

/** An SFTP partner (fakes/sftp) as a scenario declares it. */
export const sftpKindConfig = z
  .object({
    kind: z.literal('sftp'),
    runtime: fakeRuntime.optional(),
    /** Host key types (generated) or `{ type, slot }` to get a distinct key per slot. */
    hostKeys: z.array(z.union([hostKeyType, z.object({ type: hostKeyType, slot: z.string() }).strict()])).optional(),
    algorithms: z
      .object({
        kex: z.array(z.string()).optional(),
        cipher: z.array(z.string()).optional(),
        hmac: z.array(z.string()).optional(),
        serverHostKey: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    ident: z.string().optional(),
    banner: z.string().optional(),
    users: z.array(sftpUser).default([]),
    faults: z.array(sftpFault).default([]),
    identityProvider: sftpIdentityProvider.optional(),
    /** A shared store (like an S3 bucket) for identity-provider users, absolute paths. */
    storage: z.record(z.string(), text).optional(),
    /** sshd's LoginGraceTime in ms (default 120000); 0 for no limit. */
    loginGraceTimeMs: z.number().int().min(0).max(MAX_LOGIN_GRACE_TIME_MS).optional(),
    /** sshd's MaxStartups, as in sshd_config (default "10:30:100"). */
    maxStartups: maxStartups.optional(),
  })
  .strict();

export type SftpKindConfig = z.output<typeof sftpKindConfig>;
