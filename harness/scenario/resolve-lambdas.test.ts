import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faker } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LambdaContext } from '../aws/lambda/lambda-registry.ts';
import { idpKindConfig } from '../../fakes/idp/idp-kind-config.ts';
import { sftpKindConfig } from '../../fakes/sftp/sftp-kind-config.ts';
import { FAKE_KINDS } from './fakes/fake-kinds.ts';
import type { ScenarioFake } from './fakes/scenario-fake.ts';
import { startScenarioFake } from './fakes/start-scenario-fake.ts';
import { resolveLambdas, type ResolvedLambda } from './resolve-lambdas.ts';
import { ScenarioSetupError } from './scenario-setup-error.ts';
import { scenarioSchema } from './scenario-schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '__fixtures__');
const IDP_ROLE = 'arn:aws:iam::000000000000:role/idp-fake-user';

/** `given.lambdas` exactly as the loader hands it over: parsed, defaults filled in. */
function lambdas(given: Record<string, unknown>) {
  return scenarioSchema.parse({ name: 'resolve-lambdas test', given: { lambdas: given }, when: { operation: 'transfer:TestIdentityProvider' }, then: { statusCode: 200 } })
    .given.lambdas;
}

const noFakes: ReadonlyMap<string, ScenarioFake> = new Map();
const context = {} as LambdaContext;
const invoke = (lambda: ResolvedLambda, event: unknown) => lambda.handler(event, context, () => {});

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected resolveLambdas to fail, but it resolved');
  return error;
}

describe('resolveLambdas: module handlers', () => {
  it('loads an ESM module relative to baseDir, under the default ARN and timeout', async () => {
    const [resolved] = await resolveLambdas(lambdas({ auth: { module: 'lambdas/esm-handler.mjs' } }), noFakes, fixtures);
    expect(resolved).toMatchObject({ alias: 'auth', arn: 'arn:aws:lambda:us-east-1:000000000000:function:auth', timeoutMs: undefined });
    expect(await invoke(resolved!, { username: 'alice' })).toEqual({ Role: 'arn:aws:iam::000000000000:role/esm', user: 'alice' });
  });

  it('loads an absolute module path whatever baseDir is', async () => {
    const [resolved] = await resolveLambdas(lambdas({ auth: { module: join(fixtures, 'lambdas/esm-handler.mjs') } }), noFakes, '/nonexistent');
    expect(await invoke(resolved!, { username: 'bob' })).toMatchObject({ user: 'bob' });
  });

  it('uses a custom export name', async () => {
    const [resolved] = await resolveLambdas(lambdas({ auth: { module: 'lambdas/esm-handler.mjs', export: 'authorize' } }), noFakes, fixtures);
    expect(await invoke(resolved!, { username: 'carol' })).toEqual({ Role: 'arn:aws:iam::000000000000:role/authorize', user: 'carol' });
  });

  it('finds handler in a CommonJS module.exports', async () => {
    const [resolved] = await resolveLambdas(lambdas({ auth: { module: 'lambdas/cjs-handler.cjs' } }), noFakes, fixtures);
    expect(await invoke(resolved!, { username: 'dave' })).toEqual({ Role: 'arn:aws:iam::000000000000:role/cjs', user: 'dave' });
  });

  it('uses FunctionName as the ARN and timeoutSeconds as timeoutMs', async () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:custom-idp';
    const [resolved] = await resolveLambdas(
      lambdas({ auth: { module: 'lambdas/esm-handler.mjs', FunctionName: arn, timeoutSeconds: 1.5 } }),
      noFakes,
      fixtures,
    );
    expect(resolved).toMatchObject({ alias: 'auth', arn, timeoutMs: 1_500 });
  });

  it('names the file and lists its exports when the export is missing', async () => {
    const error = await failure(resolveLambdas(lambdas({ auth: { module: 'lambdas/no-handler.mjs' } }), noFakes, fixtures));
    expect(error.message).toBe(
      `given.lambdas.auth.export: ${join(fixtures, 'lambdas/no-handler.mjs')} has no function export 'handler' (exports: notAHandler, other)`,
    );
  });

  it('refuses an export that is not a function', async () => {
    const error = await failure(resolveLambdas(lambdas({ auth: { module: 'lambdas/no-handler.mjs', export: 'notAHandler' } }), noFakes, fixtures));
    expect(error.message).toMatch(/^given\.lambdas\.auth\.export: .*no-handler\.mjs has no function export 'notAHandler'/);
  });

  it('says where and why when the module cannot be loaded', async () => {
    const throwing = await failure(resolveLambdas(lambdas({ broken: { module: 'lambdas/throws-on-load.mjs' } }), noFakes, fixtures));
    expect(throwing.message).toMatch(/^given\.lambdas\.broken\.module: cannot load .*throws-on-load\.mjs \(.*fixture refuses to load.*\)$/);

    const missing = await failure(resolveLambdas(lambdas({ gone: { module: 'lambdas/does-not-exist.mjs' } }), noFakes, fixtures));
    expect(missing.message).toContain(`given.lambdas.gone.module: cannot load ${join(fixtures, 'lambdas/does-not-exist.mjs')}`);
    for (const error of [throwing, missing]) {
      expect(error).toBeInstanceOf(ScenarioSetupError);
      expect(error).toMatchObject({ name: 'ScenarioSetupError', code: 'SCENARIO_SETUP_FAILED', cause: expect.any(Error) });
    }
  });

  it('uses a TypeScript scenario handler function as given', async () => {
    const handler = async () => ({ Role: 'inline' });
    const [resolved] = await resolveLambdas(lambdas({ inline: { handler } }), noFakes, fixtures);
    expect(resolved!.handler).toBe(handler);
    expect(resolved!.arn).toBe('arn:aws:lambda:us-east-1:000000000000:function:inline');
  });

  it('resolves several lambdas in declaration order', async () => {
    const resolved = await resolveLambdas(
      lambdas({ first: { module: 'lambdas/esm-handler.mjs' }, second: { module: 'lambdas/cjs-handler.cjs' } }),
      noFakes,
      fixtures,
    );
    expect(resolved.map((l) => l.alias)).toEqual(['first', 'second']);
  });
});

describe('resolveLambdas: fake handlers', () => {
  const fakes = new Map<string, ScenarioFake>();
  const options = { kinds: FAKE_KINDS, runtime: 'embedded' as const, faker, fakes, redact: () => {}, getSecret: async () => undefined };

  beforeAll(async () => {
    fakes.set(
      'idp',
      await startScenarioFake('idp', idpKindConfig.parse({ kind: 'idp', users: [{ username: 'alice', password: 'alice-pw', role: IDP_ROLE, homeDirectory: '/b/alice' }] }), options),
    );
    fakes.set('partner', await startScenarioFake('partner', sftpKindConfig.parse({ kind: 'sftp', users: [{ name: 'bob', password: 'bob-pw' }] }), options));
  });

  afterAll(async () => {
    await Promise.all([...fakes.values()].map((fake) => fake.stop()));
  });

  it('invokes an idp fake as the Lambda function', async () => {
    const [resolved] = await resolveLambdas(lambdas({ auth: { fake: 'idp' } }), fakes, fixtures);
    expect(resolved!.arn).toBe('arn:aws:lambda:us-east-1:000000000000:function:auth');
    const event = { username: 'alice', password: 'alice-pw', protocol: 'SFTP', serverId: 's-0123456789abcdef0', sourceIp: '127.0.0.1' };
    expect(await invoke(resolved!, event)).toMatchObject({ Role: IDP_ROLE, HomeDirectory: '/b/alice' });
    expect(await invoke(resolved!, { ...event, password: 'wrong' })).toEqual({});
  });

  it('refuses a fake alias that is not an idp fake, or is not declared', async () => {
    const sftp = await failure(resolveLambdas(lambdas({ auth: { fake: 'partner' } }), fakes, fixtures));
    expect(sftp.message).toBe("given.lambdas.auth.fake: 'partner' is not a fake of kind idp declared in given.fakes");
    const unknown = await failure(resolveLambdas(lambdas({ auth: { fake: 'nobody' } }), fakes, fixtures));
    expect(unknown.message).toBe("given.lambdas.auth.fake: 'nobody' is not a fake of kind idp declared in given.fakes");
  });
});
