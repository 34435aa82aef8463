import type { Faker } from '@faker-js/faker';
import type { z } from 'zod';
import type { StartedFake } from './started-fake.ts';

/** How a fake runs: in this process, as a system binary on loopback, or in a container. */
export type FakeRuntime = 'embedded' | 'process' | 'container';

export const FAKE_RUNTIMES: readonly FakeRuntime[] = ['embedded', 'process', 'container'];

/** Whether this machine can run something, and if not, why and what to install. */
export interface RuntimeAvailability {
  available: boolean;
  reason?: string;
}

/** One runtime a kind of fake has. */
export interface FakeRuntimeSupport<Config> {
  /**
   * Whether this machine can run the fake this way (a binary installed, a Docker daemon), asked
   * before the scenario starts. A scenario whose fake cannot run is skipped with the reason,
   * never passed. Absent: always available.
   */
  available?(config: Config): RuntimeAvailability;
}

/** Another fake of the same scenario, as a kind's start() may see it. */
export interface ScenarioFakeView {
  readonly kind: string;
  /** Set for fakes that can stand in for a Lambda function (identity providers). */
  readonly invokeAsLambda?: (event: unknown) => Promise<unknown>;
}

/** What a kind's start() gets from the scenario around it. */
export interface FakeStartContext {
  /** The fake's name in the scenario (`given.fakes.NAME`), for messages. */
  readonly name: string;
  /** The runtime this fake runs in: the one its config names, else the run's mapped onto the kind's runtimes. */
  readonly runtime: FakeRuntime;
  /** The scenario's faker, seeded from its `seed`: the same generated values on every run. */
  readonly faker: Faker;
  /** Values that must never be printed (passwords, tokens, keys): every report and log masks them. */
  redact(...values: Array<string | undefined>): void;
  /**
   * Values scenarios reference as `{{ fakes.NAME.… }}`, beside `host`, `port` and `url`, which
   * come from the started fake. Host:port inside them is rewritten when a network fault proxy
   * stands in front of the fake.
   */
  expose(values: Record<string, unknown>): void;
  /** A fake declared before this one in the same scenario (fakes start in declaration order). */
  findFake(name: string): ScenarioFakeView | undefined;
  /** Reads a secret from the emulated Secrets Manager, once the endpoint is up (undefined before). */
  getSecret(secretId: string): Promise<string | undefined>;
  /** Debug output under `partner-harness:fake:<kind>` (DEBUG=partner-harness:*), masked like the rest. */
  log(format: string, ...args: unknown[]): void;
}

/**
 * A kind of fake a scenario can declare as `given.fakes.NAME: { kind: <kind>, … }`: its config
 * schema, the runtimes it has, and how to start one. Build one with defineFakeKind().
 */
export interface FakeKind<Schema extends z.ZodObject = z.ZodObject<any>, Started extends StartedFake = StartedFake> {
  /** The `kind:` value scenarios write; unique among the registered kinds. */
  readonly kind: string;
  /** The fake's scenario config: a strict z.object whose `kind` is z.literal(kind). Plain data, so it also becomes JSON Schema. */
  readonly schema: Schema;
  /**
   * The runtimes this kind has, in order of preference: a run in a runtime the kind lacks uses
   * the first one listed. A config may name its runtime with a `runtime` field.
   */
  readonly runtimes: Readonly<Partial<Record<FakeRuntime, FakeRuntimeSupport<z.output<Schema>>>>>;
  /** Starts a fake from its parsed config (references resolved). On failure it leaves nothing running. */
  start(config: z.output<Schema>, context: FakeStartContext): Promise<Started>;
  /** For fakes that can stand in for a Lambda function (`given.lambdas.X.fake`). */
  invokeAsLambda?(started: Started, event: unknown): Promise<unknown>;
}
