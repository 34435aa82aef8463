import { z } from 'zod';

/**
 * The scenario file format. Plain data: YAML files and `defineScenario()` in TypeScript both
 * land here. Strings may hold `{{ … }}` references (see template.ts), which is why most leaves
 * are strings even where the resolved value is a number.
 */

const HOST_KEY_TYPES = ['ssh-rsa', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'ssh-ed25519'] as const;
const hostKeyType = z.enum(HOST_KEY_TYPES);

/** A string, or a number/boolean a YAML author typed bare. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const sftpFault = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('refuse-login') }).strict(),
  z.object({ kind: z.literal('close-after-ident') }).strict(),
  z.object({ kind: z.literal('close-after-kex') }).strict(),
  z.object({ kind: z.literal('hang') }).strict(),
  z.object({ kind: z.literal('delay-ident'), ms: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('reject-sftp') }).strict(),
]);

const sftpUser = z
  .object({
    name: text,
    password: text.optional(),
    /** OpenSSH public key lines, or references such as `{{ keys.alice.publicKey }}`. */
    publicKeys: z.array(text).optional(),
    files: z.record(z.string(), text).optional(),
  })
  .strict();

export const sftpFakeSchema = z
  .object({
    kind: z.literal('sftp'),
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
  })
  .strict();

const fakeSchema = z.discriminatedUnion('kind', [sftpFakeSchema]);

/** An expected string: exact, or `{ matches: regex }`. */
const stringExpectation = z.union([text, z.object({ matches: z.string() }).strict()]);

const expectationSchema = z
  .object({
    status: text.optional(),
    statusMessage: stringExpectation.optional(),
    /** `absent: true` asserts that no host key came back. */
    hostKey: z.union([stringExpectation, z.object({ absent: z.literal(true) }).strict()]).optional(),
    /** Deep partial match against the whole response. Leaves may be `{ matches: regex }`. */
    response: z.record(z.string(), z.unknown()).optional(),
    /** The exception the call must raise (AWS exception name), with optional message and HTTP status. */
    error: z
      .union([
        z.string(),
        z.object({ name: z.string(), message: stringExpectation.optional(), httpStatus: z.number().int().optional() }).strict(),
      ])
      .optional(),
  })
  .strict()
  .refine((then) => !(then.error && (then.status || then.statusMessage || then.hostKey || then.response)), {
    message: 'then.error cannot be combined with status, statusMessage, hostKey or response: a call either raises or answers',
  });

const operationSchema = z
  .string()
  .regex(/^[a-z-]+:[A-Z][A-Za-z]+$/, 'an operation as service:Operation, e.g. transfer:TestConnection');

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    tags: z.array(z.string()).default([]),
    /** Seed for faker, so generated users and passwords are the same on every run. */
    seed: z.number().int().default(1),
    /** Values computed once (faker calls included) and referenced as `{{ vars.x }}`. */
    vars: z.record(z.string(), z.unknown()).default({}),
    /**
     * Client key pairs, referenced as `{{ keys.NAME.publicKey }}` / `.privateKey`: generated
     * (`{ type }`) or brought along (`{ privateKey }`, e.g. a connector's real key).
     */
    keys: z
      .record(z.string(), z.union([z.object({ type: hostKeyType }).strict(), z.object({ privateKey: z.string() }).strict()]))
      .default({}),
    emulator: z
      .object({
        connectTimeoutMs: z.number().int().positive().optional(),
        unassumableRoles: z.array(z.string()).optional(),
        messages: z.record(z.string(), z.string()).optional(),
      })
      .strict()
      .default({}),
    given: z
      .object({
        fakes: z.record(z.string(), fakeSchema).default({}),
        /** Secrets Manager CreateSecret inputs by alias; `SecretString` may be an object (sent as JSON). */
        secrets: z
          .record(
            z.string(),
            z.object({ Name: z.string().optional(), SecretString: z.unknown().optional(), Description: z.string().optional() }).strict(),
          )
          .default({}),
        /** Transfer CreateConnector inputs by alias, exactly as the API takes them. */
        connectors: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
      })
      .strict()
      .default({ fakes: {}, secrets: {}, connectors: {} }),
    when: z
      .object({
        operation: operationSchema,
        /** The request, as the API takes it. */
        input: z.record(z.string(), z.unknown()).default({}),
      })
      .strict(),
    then: expectationSchema,
  })
  .strict();

export type Scenario = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type SftpFakeConfig = z.output<typeof sftpFakeSchema>;
export type Expectations = z.output<typeof expectationSchema>;
export type StringExpectation = z.output<typeof stringExpectation>;
