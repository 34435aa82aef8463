import { FAKE_RUNTIMES, type FakeRuntime } from '../../../fakes/shared/fake-kind.ts';

export { FAKE_RUNTIMES, type FakeRuntime };

/** The run's runtime, as the CLI hands it to scenario workers (--runtime); embedded by default. */
export function runtimeFromEnv(): FakeRuntime {
  const value = process.env.PARTNER_HARNESS_RUNTIME as FakeRuntime | undefined;
  return value && FAKE_RUNTIMES.includes(value) ? value : 'embedded';
}
