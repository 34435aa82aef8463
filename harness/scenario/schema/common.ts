import { z } from 'zod';
import { hasControlCharacters } from '../../../core/values/index.ts';
import { text } from '../../../fakes/shared/config-schema-parts.ts';

export { text };

/** A JavaScript regular expression, checked when the file loads rather than when it is used. */
export const regexSource = z.string().superRefine((source, context) => {
  try {
    new RegExp(source);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

/** An expected string: exact, or `{ matches: regex }`. */
export const stringExpectation = z.union([text, z.object({ matches: regexSource }).strict()]);

export const HOST_KEY_TYPES = ['ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-ed25519'] as const;
export const hostKeyType = z.enum(HOST_KEY_TYPES);

/**
 * A name or tag: printed by vitest and in every report, so one line without control characters
 * (an escape sequence in a name would otherwise reach the terminal of whoever runs the file).
 */
export const oneLine = z.string().refine((value) => !hasControlCharacters(value), 'one line without control characters (line breaks, tabs, escapes)');
