import { z } from 'zod';
import { MAX_S3_OBJECT_BYTES, s3LocationProblem } from '../aws/s3/s3-object-store.ts';
import { FAKE_KINDS } from './fakes/fake-kinds.ts';
import type { FakeKindRegistry } from './fakes/fake-kind-registry.ts';
import { hostKeyType, oneLine, text } from './schema/common.ts';
import { scenarioName } from './schema/scenario-name.ts';
import { expectationSchema } from './schema/expectation-schema.ts';
import { networkFaultSchema } from './schema/network-fault-schema.ts';
import { networkSchema } from './schema/network-schema.ts';

/**
 * The scenario file format. Plain data: YAML files and `defineScenario()` in TypeScript both
 * land here. Strings may hold `{{ … }}` references (see template.ts), which is why most leaves
 * are strings even where the resolved value is a number.
 */

const operationSchema = z
  .string()
  .regex(/^[a-z-]+:[A-Z][A-Za-z]+$/, 'an operation as service:Operation, e.g. transfer:TestConnection');

/** AWS API inputs by alias, exactly as the API takes them. */
const apiInputs = z.record(scenarioName, z.record(z.string(), z.unknown())).default({});

/**
 * A Lambda function the emulated services can invoke: a fake of kind idp, a module (your real
 * handler file, path relative to the scenario), or (TypeScript scenarios) a function.
 */
const lambdaSchema = z
  .object({
    FunctionName: z.string().optional(),
    fake: z.string().optional(),
    module: z.string().optional(),
    export: z.string().default('handler'),
    handler: z.custom<(...args: any[]) => unknown>((value) => typeof value === 'function', 'a function').optional(),
    timeoutSeconds: z.number().positive().optional(),
  })
  .strict()
  .refine((lambda) => [lambda.fake, lambda.module, lambda.handler].filter(Boolean).length === 1, {
    message: 'give exactly one of fake (an idp fake), module (a handler file) or handler (a function, TypeScript only)',
  });

/** The scenario format around `given.fakes`, whose schema comes from the registered kinds of fake. */
function buildScenarioSchema<FakeSchema extends z.ZodType>(fakeSchema: FakeSchema) {
  return z
    .object({
      name: oneLine.min(1),
      description: z.string().optional(),
      tags: z.array(oneLine).default([]),
      /** Seed for faker, so generated users and passwords are the same on every run. */
      seed: z.number().int().default(1),
      /** Values computed once (faker calls included) and referenced as `{{ vars.x }}`. */
      vars: z.record(scenarioName, z.unknown()).default({}),
      /**
       * Client key pairs, referenced as `{{ keys.NAME.publicKey }}` / `.privateKey`: generated
       * (`{ type }`) or brought along (`{ privateKey }`, e.g. a connector's real key).
       */
      keys: z
        .record(scenarioName, z.union([z.object({ type: hostKeyType }).strict(), z.object({ privateKey: z.string() }).strict()]))
        .default({}),
      /** Network faults between the emulator and fakes (TCP fault proxy). */
      faults: z.array(networkFaultSchema).default([]),
      emulator: z
        .object({
          connectTimeoutMs: z.number().int().positive().optional(),
          identityProviderTimeoutMs: z.number().int().positive().optional(),
          vpcLatticeConnectorPendingMs: z.number().int().nonnegative().optional(),
          unassumableRoles: z.array(z.string()).optional(),
          messages: z.record(z.string(), z.string()).optional(),
        })
        .strict()
        .default({}),
      given: z
        .object({
          fakes: z.record(scenarioName, fakeSchema).default({}),
          /**
           * Secrets Manager CreateSecret inputs by alias (Name defaults to the alias); `SecretString`
           * may be an object (sent as JSON). Checked against the model like every AWS input.
           */
          secrets: apiInputs,
          lambdas: z.record(scenarioName, lambdaSchema).default({}),
          /** Transfer CreateConnector inputs by alias; referenced as `{{ connectors.ALIAS.id }}`. */
          connectors: apiInputs,
          /** Transfer CreateServer inputs by alias; referenced as `{{ servers.ALIAS.id }}`. */
          servers: apiInputs,
          /** Transfer CreateUser inputs by alias (service-managed servers). */
          users: apiInputs,
          /**
           * Directory Service directories by alias, for AWS_DIRECTORY_SERVICE servers: groups, and
           * users with their password and groups (emulated mode only). `{{ directories.ALIAS.id }}`,
           * `{{ directories.ALIAS.groups.GROUP.sid }}` (CreateAccess's ExternalId).
           */
          directories: z
            .record(
              scenarioName,
              z
                .object({
                  groups: z.array(z.object({ name: text }).strict()).default([]),
                  users: z.array(z.object({ name: text, password: text, groups: z.array(text).default([]) }).strict()).default([]),
                })
                .strict()
                // A user in a group the directory does not declare is the file's mistake, found at load.
                .superRefine((directory, ctx) => {
                  const declared = new Set(directory.groups.map((group) => String(group.name).toLowerCase()));
                  directory.users.forEach((user, i) =>
                    user.groups.forEach((group, j) => {
                      if (!declared.has(String(group).toLowerCase())) {
                        ctx.addIssue({ code: 'custom', path: ['users', i, 'groups', j], message: `group ${String(group)} is not declared in groups; declare it or use one of: ${directory.groups.map((g) => g.name).join(', ') || '(none)'}` });
                      }
                    }),
                  );
                }),
            )
            .default({}),
          /** Transfer CreateAccess inputs by alias (directory servers): a group's access. */
          accesses: apiInputs,
          /** The EC2 network behind Glue connections (emulated mode only); `{{ network.subnets.ALIAS.id }}`. */
          network: networkSchema.default({ vpcs: {}, subnets: {}, securityGroups: {}, natGateways: {}, routeTables: {}, s3Endpoints: {} }),
          /** Glue ConnectionInput by alias (Name defaults to the alias); `{{ glueConnections.ALIAS.name }}`. */
          glueConnections: apiInputs,
          /**
           * Objects the emulator reads from S3, by `s3://bucket/key` (Glue's CUSTOM_JDBC_CERT root
           * certificate). Placed in the emulator only: with --mode aws they must already be in S3.
           */
          s3Objects: z
            .record(
              z.string().check((ctx) => {
                const problem = s3LocationProblem(ctx.value);
                if (problem) ctx.issues.push({ code: 'custom', message: `${problem}, e.g. s3://partner-certs/acme/root.pem`, input: ctx.value });
              }),
              z.string().max(MAX_S3_OBJECT_BYTES),
            )
            .default({}),
        })
        .strict()
        .default({
          fakes: {}, secrets: {}, lambdas: {}, connectors: {}, servers: {}, users: {}, directories: {}, accesses: {}, glueConnections: {}, s3Objects: {},
          network: { vpcs: {}, subnets: {}, securityGroups: {}, natGateways: {}, routeTables: {}, s3Endpoints: {} },
        }),
      when: z
        .object({
          operation: operationSchema,
          /** The request, as the API takes it. */
          input: z.record(z.string(), z.unknown()).default({}),
          /**
           * `false` sends `input` unchecked: for scenarios that test AWS's own answer to a
           * malformed request. By default it is checked against the model like `given`.
           */
          validateInput: z.boolean().default(true),
        })
        .strict(),
      then: expectationSchema,
    })
    .strict();
}

/** The scenario format with the built-in kinds of fake: what the types and the JSON Schema describe. */
export const scenarioSchema = buildScenarioSchema(FAKE_KINDS.schema());

const withUserKinds = new WeakMap<FakeKindRegistry, typeof scenarioSchema>();

/**
 * The scenario format with a registry's kinds, e.g. the built-in ones plus a config's. Typed as
 * the built-in format: a user's kind is a config whose fields only its own start() reads.
 */
export function scenarioSchemaFor(kinds: FakeKindRegistry): typeof scenarioSchema {
  if (kinds === FAKE_KINDS) return scenarioSchema;
  let schema = withUserKinds.get(kinds);
  if (!schema) {
    schema = buildScenarioSchema(kinds.schema()) as unknown as typeof scenarioSchema;
    withUserKinds.set(kinds, schema);
  }
  return schema;
}

export type Scenario = z.input<typeof scenarioSchema>;
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type { SftpKindConfig as SftpFakeConfig } from '../../fakes/sftp/sftp-kind-config.ts';
export type { IdpKindConfig as IdpFakeConfig } from '../../fakes/idp/idp-kind-config.ts';
export type { NetworkFaultConfig } from './schema/network-fault-schema.ts';
export type { NetworkConfig } from './schema/network-schema.ts';
export type { DbKindConfig as DbFakeConfig } from '../../fakes/db/db-kind-config.ts';
export type { SalesforceKindConfig as SalesforceFakeConfig } from '../../fakes/oauth/salesforce-kind-config.ts';
export type { Expectations, StringExpectation, SftpLoginExpectation } from './schema/expectation-schema.ts';
