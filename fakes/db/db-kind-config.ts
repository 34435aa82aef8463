import { z } from 'zod';
import { fakeRuntime, text } from '../shared/config-schema-parts.ts';

/** A database partner running a real engine (fakes/db) as a scenario declares it: the same fields for both engines. */
export function dbKindConfig<Kind extends 'postgres' | 'mysql'>(kind: Kind) {
  return z
    .object({
      kind: z.literal(kind),
      runtime: fakeRuntime.optional(),
      users: z.array(z.object({ name: text, password: text }).strict()).default([]),
      databases: z.array(z.object({ name: text, owner: text.optional() }).strict()).default([]),
      /** `true`: the server offers TLS (self-signed); `required`: it refuses plain connections. */
      tls: z.union([z.boolean(), z.literal('required')]).default(false),
      // At most one: a faulted database is only the fault's listener, no engine behind it.
      faults: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('refuse') }).strict(), z.object({ kind: z.literal('accept-hang') }).strict()])).max(1).default([]),
    })
    .strict();
}

export type DbKindConfig = z.output<ReturnType<typeof dbKindConfig<'postgres' | 'mysql'>>>;
