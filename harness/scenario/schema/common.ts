import { z } from 'zod';

/** A string, or a number/boolean a YAML author typed bare. */
export const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** An expected string: exact, or `{ matches: regex }`. */
export const stringExpectation = z.union([text, z.object({ matches: z.string() }).strict()]);

export const HOST_KEY_TYPES = ['ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-ed25519'] as const;
export const hostKeyType = z.enum(HOST_KEY_TYPES);
