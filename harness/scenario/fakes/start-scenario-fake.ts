import type { Faker } from '@faker-js/faker';
import createDebug from 'debug';
import { FakeKindError } from '../../../fakes/shared/fake-kind-error.ts';
import type { FakeStartContext } from '../../../fakes/shared/fake-kind.ts';
import type { StartedFake } from '../../../fakes/shared/started-fake.ts';
import type { FakeConfig, FakeKindRegistry } from './fake-kind-registry.ts';
import type { FakeRuntime } from './runtime-choice.ts';
import type { ScenarioFake } from './scenario-fake.ts';
import { stopSharedEnginesWithWorker } from './shared-engines-with-worker.ts';

/** What starting a fake needs from the scenario around it. */
export interface ScenarioFakeOptions {
  kinds: FakeKindRegistry;
  /** The run's runtime (--runtime); each kind maps it onto the runtimes it has. */
  runtime: FakeRuntime;
  faker: Faker;
  /** Fakes started before this one (declaration order), e.g. the identity provider of an SFTP fake. */
  fakes: ReadonlyMap<string, ScenarioFake>;
  /** Masks a value everywhere the scenario prints; called before the fake starts, so its errors are masked too. */
  redact: (...values: Array<string | undefined>) => void;
  /** Reads a secret from the emulated Secrets Manager (once the endpoint is up). */
  getSecret: (secretId: string) => Promise<string | undefined>;
}

/** The values every started fake has; a kind exposes the rest. */
const OWN_VALUES = ['host', 'port', 'url'];

/** Starts `given.fakes.NAME` through its kind, in the runtime it gets. Scenarios name what they need, not how it runs. */
export async function startScenarioFake(name: string, config: FakeConfig, options: ScenarioFakeOptions): Promise<ScenarioFake> {
  const kind = options.kinds.get(config.kind);
  const runtime = options.kinds.runtimeFor(config, options.runtime);
  stopSharedEnginesWithWorker();
  const exposed: Record<string, unknown> = {};
  const context: FakeStartContext = {
    name,
    runtime,
    faker: options.faker,
    redact: options.redact,
    expose: (values) => Object.assign(exposed, values),
    findFake: (other) => options.fakes.get(other),
    getSecret: options.getSecret,
    log: createDebug(`partner-harness:fake:${kind.kind}`),
  };
  const started: unknown = await kind.start(config, context);
  if (!isStartedFake(started)) {
    const missing = missingMethods(started).join(', ');
    return refuse(started, `kind ${kind.kind}: start() must resolve to a started fake, but what it returned has no ${missing}`, 'Extend StartedFakeBase from partner-harness/fakes');
  }
  const own = Object.keys(exposed).filter((key) => OWN_VALUES.includes(key));
  if (own.length > 0) {
    return refuse(started, `kind ${kind.kind}: start() exposed ${own.join(', ')}, which the started fake's getHost(), getPort() and getUrl() give`, 'Expose only the values the handle has no getter for');
  }
  const values = await valuesOf(started, exposed);
  const invoke = kind.invokeAsLambda;
  return {
    kind: kind.kind,
    runtime,
    values,
    transcript: () => started.getTranscript(),
    ...(invoke ? { invokeAsLambda: (event: unknown) => invoke(started, event) } : {}),
    stop: () => started.stop(),
  };
}

const HANDLE_METHODS = ['getHost', 'getPort', 'getUrl', 'getTranscript', 'stop'] as const;

function missingMethods(value: unknown): string[] {
  return HANDLE_METHODS.filter((method) => typeof (value as Record<string, unknown> | null)?.[method] !== 'function');
}

function isStartedFake(value: unknown): value is StartedFake {
  return missingMethods(value).length === 0;
}

/** A user's start() may resolve to anything; whatever it started is stopped before the error. */
async function refuse(value: unknown, message: string, fix: string): Promise<never> {
  const stop = (value as Partial<StartedFake> | null)?.stop;
  if (typeof stop === 'function') await Promise.resolve(stop.call(value)).catch(() => undefined);
  throw new FakeKindError('FAKE_KIND_START_INVALID', message, { fix });
}

/** host, port and url from the handle, then the kind's own; a getter that throws stops the fake first. */
async function valuesOf(started: StartedFake, exposed: Record<string, unknown>): Promise<Record<string, unknown>> {
  try {
    return { host: started.getHost(), port: started.getPort(), url: started.getUrl(), ...exposed };
  } catch (error) {
    await started.stop().catch(() => undefined);
    throw error;
  }
}
