import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { FakeKindError } from '../../../fakes/shared/fake-kind-error.ts';
import { newFaker } from '../new-faker.ts';
import { echoKind, StartedEchoFake } from './__fixtures__/echo-kind.ts';
import { FAKE_KINDS } from './fake-kinds.ts';
import type { FakeKindRegistry } from './fake-kind-registry.ts';
import type { ScenarioFake } from './scenario-fake.ts';
import { startScenarioFake } from './start-scenario-fake.ts';

const kinds = FAKE_KINDS.withKinds([echoKind]);

function options(registry: FakeKindRegistry, redacted: Array<string | undefined> = []) {
  return {
    kinds: registry,
    runtime: 'process' as const,
    faker: newFaker(1),
    fakes: new Map<string, ScenarioFake>(),
    redact: (...values: Array<string | undefined>) => void redacted.push(...values),
    getSecret: async () => undefined,
  };
}

/** Sends one line over real TCP and reads the answer. */
function echo(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(line));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('startScenarioFake', () => {
  it("starts a user's kind: values from its handle and what it exposed, its secrets masked, its runtime mapped", async () => {
    const redacted: Array<string | undefined> = [];
    const fake = await startScenarioFake('partner', { kind: 'echo', prefix: '> ', password: 'echo-Secret-1' }, options(kinds, redacted));
    try {
      expect(fake).toMatchObject({ kind: 'echo', runtime: 'embedded' });
      expect(fake.values).toEqual({ host: '127.0.0.1', port: expect.any(Number), url: `tcp://127.0.0.1:${fake.values.port}`, prefix: '> ', runtime: 'embedded' });
      expect(redacted).toContain('echo-Secret-1');
      expect(await echo(fake.values.port as number, 'hello\n')).toBe('> hello\n');
      expect(fake.transcript().map((entry) => entry.kind)).toEqual(['connection']);
      expect(fake.invokeAsLambda).toBeUndefined();
    } finally {
      await fake.stop();
    }
    expect(fake.transcript().at(-1)?.kind).toBe('stopped');
    await expect(echo(fake.values.port as number, 'anyone?\n')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a start() that resolves to something that is not a started fake, stopping it first', async () => {
    let stopped = 0;
    const broken = { ...echoKind, start: async () => ({ getHost: () => '127.0.0.1', stop: async () => void stopped++ }) } as never;
    const error = await startScenarioFake('partner', { kind: 'echo' }, options(FAKE_KINDS.withKinds([broken]))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeKindError);
    expect((error as FakeKindError).code).toBe('FAKE_KIND_START_INVALID');
    expect((error as FakeKindError).message).toBe(
      'kind echo: start() must resolve to a started fake, but what it returned has no getPort, getUrl, getTranscript. Extend StartedFakeBase from partner-harness/fakes',
    );
    expect(stopped).toBe(1);
  });

  it('refuses a kind that exposes host, port or url itself, and stops what it started', async () => {
    let started: StartedEchoFake | undefined;
    const liar = {
      ...echoKind,
      start: async (_config: unknown, context: { expose: (values: Record<string, unknown>) => void }) => {
        started = await StartedEchoFake.start('');
        context.expose({ port: 1 });
        return started;
      },
    } as never;
    const error = await startScenarioFake('partner', { kind: 'echo' }, options(FAKE_KINDS.withKinds([liar]))).catch((e: unknown) => e);
    expect((error as FakeKindError).code).toBe('FAKE_KIND_START_INVALID');
    expect((error as Error).message).toContain("start() exposed port, which the started fake's getHost(), getPort() and getUrl() give");
    expect(started!.getTranscript().at(-1)?.kind).toBe('stopped');
  });

  it('gives an idp fake a Lambda entry point that another fake can find', async () => {
    const fakes = new Map<string, ScenarioFake>();
    const opts = { ...options(FAKE_KINDS), runtime: 'embedded' as const, fakes };
    const parse = (config: { kind: string }) => FAKE_KINDS.get(config.kind).schema.parse(config) as { kind: string };
    const idp = await startScenarioFake('idp', parse({ kind: 'idp' }), opts);
    try {
      fakes.set('idp', idp);
      expect(idp.values.url).toBe(`http://127.0.0.1:${idp.values.port}/prod`);
      expect(typeof idp.invokeAsLambda).toBe('function');
      const sftp = await startScenarioFake('partner', parse({ kind: 'sftp', identityProvider: { fake: 'idp' } } as { kind: string }), opts);
      await sftp.stop();
      const wrong = parse({ kind: 'sftp', identityProvider: { fake: 'nobody' } } as { kind: string });
      await expect(startScenarioFake('partner', wrong, opts)).rejects.toThrow("identityProvider.fake: 'nobody' is not a fake of kind idp declared before this one");
    } finally {
      await idp.stop();
    }
  });
});
