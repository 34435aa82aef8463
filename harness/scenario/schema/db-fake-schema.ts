import { z } from 'zod';
import { text } from './common.ts';

/** A database partner running a real engine (fakes/db). */
export const dbFakeSchema = z
  .object({
    kind: z.enum(['postgres', 'mysql']),
    /** Only where the scenario really needs one; otherwise the run's --runtime decides. */
    runtime: z.enum(['embedded', 'process', 'container']).optional(),
    users: z.array(z.object({ name: text, password: text }).strict()).default([]),
    databases: z.array(z.object({ name: text, owner: text.optional() }).strict()).default([]),
    /** `true`: the server offers TLS (self-signed); `required`: it refuses plain connections. */
    tls: z.union([z.boolean(), z.literal('required')]).default(false),
    // At most one: a faulted database is only the fault's listener, no engine behind it.
    faults: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('refuse') }).strict(), z.object({ kind: z.literal('accept-hang') }).strict()])).max(1).default([]),
  })
  .strict();

export type DbFakeConfig = z.output<typeof dbFakeSchema>;
