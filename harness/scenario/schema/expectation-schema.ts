import { z } from 'zod';
import { stringExpectation, text } from './common.ts';

/** A real SFTP login after the call, for "the IdP says yes, and the user really logs in". */
const sftpLoginSchema = z
  .object({
    fake: z.string(),
    username: text,
    password: text.optional(),
    privateKey: z.string().optional(),
    authenticated: z.boolean().default(true),
    /** The directory the user lands in (SFTP realpath of "."). */
    cwd: stringExpectation.optional(),
    /** Names that must be listed in that directory. */
    lists: z.array(z.string()).optional(),
    /** Files (relative to the landing directory, or absolute) and their expected contents. */
    reads: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const expectationSchema = z
  .object({
    status: text.optional(),
    statusMessage: stringExpectation.optional(),
    /** `absent: true` asserts that no host key came back. */
    hostKey: z.union([stringExpectation, z.object({ absent: z.literal(true) }).strict()]).optional(),
    /** TestIdentityProvider fields. */
    statusCode: z.number().int().optional(),
    message: stringExpectation.optional(),
    url: stringExpectation.optional(),
    /** Deep partial match against JSON.parse(Response); `{ empty: true }` asserts Response is "". */
    responseJson: z.union([z.object({ empty: z.literal(true) }).strict(), z.record(z.string(), z.unknown())]).optional(),
    /** Deep partial match against the whole response. Leaves may be `{ matches: regex }`. */
    response: z.record(z.string(), z.unknown()).optional(),
    /** The exception the call must raise (AWS exception name), with optional message and HTTP status. */
    error: z
      .union([
        z.string(),
        z.object({ name: z.string(), message: stringExpectation.optional(), httpStatus: z.number().int().optional() }).strict(),
      ])
      .optional(),
    sftpLogin: sftpLoginSchema.optional(),
    /**
     * The harness's diagnosis beside AWS's answer (emulated mode only: AWS sends none): its stable
     * `code` and/or its `text`, matched against any one of the call's diagnoses.
     */
    diagnosis: z
      .object({ code: text.optional(), text: stringExpectation.optional() })
      .strict()
      .refine((diagnosis) => diagnosis.code !== undefined || diagnosis.text !== undefined, { message: 'give the diagnosis code, its text, or both' })
      .optional(),
  })
  .strict()
  .refine(
    (then) => !(then.error && (then.status || then.statusMessage || then.hostKey || then.response || then.statusCode || then.message || then.url || then.responseJson)),
    { message: 'then.error cannot be combined with expectations on the response: a call either raises or answers' },
  )
  // The diagnosis is the harness's: alone it checks nothing of AWS's answer (and nothing in --mode aws).
  .refine((then) => then.diagnosis === undefined || Object.entries(then).some(([key, value]) => key !== 'diagnosis' && value !== undefined), {
    message: 'then.diagnosis checks the harness\'s explanation only: add an expectation on AWS\'s answer too (status, statusCode, message, response or error)',
  })
  // An empty `then` would pass whatever the call answered: a green that proves nothing.
  .refine((then) => Object.values(then).some((value) => value !== undefined), {
    message:
      'nothing to check: a scenario must expect something, e.g. status, statusMessage, error, response (use `response: {}` for "the call succeeds"); see the scenario reference in README.md',
  });

export type Expectations = z.output<typeof expectationSchema>;
export type StringExpectation = z.output<typeof stringExpectation>;
export type SftpLoginExpectation = z.output<typeof sftpLoginSchema>;
