import { z } from 'zod';
import { text } from '../shared/config-schema-parts.ts';

/** A Salesforce-like OAuth2 token endpoint and instance API (fakes/oauth) as a scenario declares it. */
export const salesforceKindConfig = z
  .object({
    kind: z.literal('salesforce'),
    clients: z
      .array(
        z
          .object({
            clientId: text,
            secret: text.optional(),
            redirectUris: z.array(z.string()).optional(),
            /**
             * JWT bearer: the fake generates an RSA key pair for this client and signs an
             * assertion for `user`, exposed as `{{ fakes.NAME.assertions.CLIENT_ID }}`.
             * `signWithOtherKey` signs it with a key the fake does not trust.
             */
            jwt: z
              .object({ user: text, expiresInSeconds: z.number().int().optional(), audience: z.string().optional(), signWithOtherKey: z.boolean().optional() })
              .strict()
              .optional(),
          })
          .strict(),
      )
      .default([]),
    users: z.array(text).default([]),
    authorizationCodes: z.array(z.object({ code: text, clientId: text, redirectUri: z.string(), user: text.optional() }).strict()).default([]),
    audience: z.string().optional(),
    /** 0 issues tokens that are already expired. */
    tokenLifetimeSeconds: z.number().int().nonnegative().optional(),
  })
  .strict();

export type SalesforceKindConfig = z.output<typeof salesforceKindConfig>;
