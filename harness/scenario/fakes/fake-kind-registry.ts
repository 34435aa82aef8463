import { z } from 'zod';
import { checkFakeKind } from '../../../fakes/shared/define-fake-kind.ts';
import { FakeKindError } from '../../../fakes/shared/fake-kind-error.ts';
import type { FakeKind, FakeRuntime } from '../../../fakes/shared/fake-kind.ts';

/** What every kind's config has: its discriminator and, if the scenario names one, a runtime; the rest is the kind's. */
export interface FakeConfig {
  kind: string;
  runtime?: FakeRuntime;
  [field: string]: unknown;
}

type Schemas<Kinds extends readonly FakeKind[]> = { -readonly [I in keyof Kinds]: Kinds[I]['schema'] };

/**
 * The kinds of fake scenarios can declare, by name. The schema of `given.fakes`, the runtime a
 * fake gets, whether this machine can run it, and how it starts all come from here, so a new
 * kind is a folder in fakes/ plus one line in fake-kinds.ts, or one entry in a user's config.
 * Immutable: withKinds() returns a new registry.
 */
export class FakeKindRegistry<Kinds extends readonly FakeKind[] = readonly FakeKind[]> {
  /** By name: the kind and where it was registered (`fakes[2]` of a config), or undefined for a built-in one. */
  readonly #kinds: ReadonlyMap<string, { kind: FakeKind; from?: string }>;
  #schema?: z.ZodDiscriminatedUnion<Schemas<Kinds>, 'kind'>;

  private constructor(kinds: ReadonlyMap<string, { kind: FakeKind; from?: string }>) {
    this.#kinds = kinds;
  }

  /** The built-in kinds, in the order error messages list them. */
  static of<const Kinds extends readonly FakeKind[]>(kinds: Kinds): FakeKindRegistry<Kinds> {
    return new FakeKindRegistry<Kinds>(new Map(kinds.map((kind) => [checkFakeKind(kind, 'partner-harness').kind, { kind }])));
  }

  /**
   * This registry plus `kinds` (a user's, from the config's `fakes`: anything, checked here).
   * A name already taken is a FakeKindError with code FAKE_KIND_TAKEN; a value that is not a
   * kind, FAKE_KIND_INVALID. `where` names the list in messages, e.g. the config file.
   */
  withKinds(kinds: readonly unknown[], where = 'fakes'): FakeKindRegistry {
    const all = new Map(this.#kinds);
    kinds.forEach((value, i) => {
      const from = `${where}[${i}]`;
      const kind = checkFakeKind(value, from);
      const taken = all.get(kind.kind);
      if (taken) {
        const owner = taken.from ? `the kind at ${taken.from}` : 'a built-in kind of partner-harness';
        throw new FakeKindError('FAKE_KIND_TAKEN', `${from}: the kind name '${kind.kind}' is taken by ${owner} (taken: ${[...all.keys()].join(', ')})`, {
          fix: `Give yours its own name, in its kind and in its schema's z.literal, e.g. '${kind.kind}-partner'`,
        });
      }
      all.set(kind.kind, { kind, from });
    });
    return new FakeKindRegistry(all);
  }

  get names(): string[] {
    return [...this.#kinds.keys()];
  }

  /** The kind a parsed config names. Configs parsed by this registry's schema always have one. */
  get(name: string): FakeKind {
    const entry = this.#kinds.get(name);
    if (!entry) throw new Error(`no kind of fake named '${name}' is registered; kinds: ${this.names.join(', ')}`);
    return entry.kind;
  }

  /** `given.fakes.NAME`: one of the kinds' configs, told apart by `kind`. */
  schema(): z.ZodDiscriminatedUnion<Schemas<Kinds>, 'kind'> {
    this.#schema ??= z.discriminatedUnion('kind', [...this.#kinds.values()].map((entry) => entry.kind.schema) as never) as never;
    return this.#schema!;
  }

  /**
   * The runtime a fake gets: the one its config names (a scenario that really needs, say, real
   * OpenSSH), else the run's when the kind has it, else the kind's first.
   */
  runtimeFor(config: FakeConfig, runDefault: FakeRuntime): FakeRuntime {
    if (config.runtime) return config.runtime;
    const offered = this.#offered(this.get(config.kind));
    return offered.includes(runDefault) ? runDefault : offered[0]!;
  }

  /** Why this machine cannot run the fake in the runtime it gets, or undefined when it can. */
  unavailableReason(config: FakeConfig, runDefault: FakeRuntime): string | undefined {
    const kind = this.get(config.kind);
    const runtime = this.runtimeFor(config, runDefault);
    const support = kind.runtimes[runtime];
    if (!support) return `kind ${kind.kind} has no runtime ${runtime}; it runs ${this.#offered(kind).join(' or ')}`;
    const check = support.available?.(config) ?? { available: true };
    return check.available ? undefined : (check.reason ?? `runtime ${runtime} of kind ${kind.kind} is not available on this machine`);
  }

  #offered(kind: FakeKind): FakeRuntime[] {
    return Object.keys(kind.runtimes) as FakeRuntime[];
  }
}
