import { z } from 'zod';
import { text } from '../shared/config-schema-parts.ts';
import { MALFORMED_KINDS } from './behaviours/malformed-kinds.ts';

const session = {
  role: z.string(),
  homeDirectoryType: z.enum(['PATH', 'LOGICAL']).optional(),
  homeDirectory: z.string().optional(),
  homeDirectoryDetails: z.array(z.object({ Entry: z.string(), Target: z.string() }).strict()).optional(),
  policy: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  posixProfile: z.object({ Uid: z.number().int(), Gid: z.number().int(), SecondaryGids: z.array(z.number().int()).optional() }).strict().optional(),
};

export const idpUserSchema = z
  .object({
    username: text,
    password: text.optional(),
    publicKeys: z.array(text).optional(),
    ...session,
    ipAllowList: z.array(z.string()).optional(),
  })
  .strict();

/** Ready-made provider behaviours, tried before the user table (first match wins, as in msw). */
const behaviourSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('http-error'), status: z.number().int().optional(), body: z.unknown().optional() }).strict(),
  /** Answers like the user table, after a delay. */
  z.object({ kind: z.literal('slow'), ms: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('invalid-json') }).strict(),
  z.object({ kind: z.literal('malformed'), mistake: z.enum(MALFORMED_KINDS), user: idpUserSchema }).strict(),
  /** The AWS toolkit's Secrets Manager module: secret `<prefix><username>` in the emulated Secrets Manager. */
  z
    .object({
      kind: z.literal('secrets-manager-toolkit'),
      prefix: z.string().optional(),
      defaults: z.object({ ...session, role: z.string().optional() }).strict().optional(),
    })
    .strict(),
]);

/** An identity provider (fakes/idp) as a scenario declares it. */
export const idpKindConfig = z
  .object({
    kind: z.literal('idp'),
    stage: z.string().optional(),
    users: z.array(idpUserSchema).default([]),
    /** Realistic users from the scenario's faker seed, added to `users`. */
    generatedUsers: z.object({ count: z.number().int().positive(), role: z.string().optional(), bucket: z.string().optional() }).strict().optional(),
    behaviours: z.array(behaviourSchema).default([]),
  })
  .strict();

export type IdpKindConfig = z.output<typeof idpKindConfig>;
