/** How a fake runs: in-process, as a system binary on loopback, or in a container. */
export type FakeRuntime = 'embedded' | 'process' | 'container';

export const FAKE_RUNTIMES: readonly FakeRuntime[] = ['embedded', 'process', 'container'];

/**
 * The runtimes each kind of fake has. HTTP fakes (idp, salesforce) are in-process servers the
 * emulator reaches over loopback in every runtime; MySQL has no engine that installs from npm
 * alone, so its "embedded" is the system engine.
 */
const RUNTIMES: Record<string, { supported: FakeRuntime[]; instead: Partial<Record<FakeRuntime, FakeRuntime>> }> = {
  sftp: { supported: ['embedded', 'process', 'container'], instead: {} },
  postgres: { supported: ['embedded', 'process', 'container'], instead: {} },
  mysql: { supported: ['process', 'container'], instead: { embedded: 'process' } },
  idp: { supported: ['embedded'], instead: { process: 'embedded', container: 'embedded' } },
  salesforce: { supported: ['embedded'], instead: { process: 'embedded', container: 'embedded' } },
};

/**
 * The runtime a fake gets: the one its scenario names (a scenario that really needs, say, real
 * OpenSSH), else the run's runtime mapped onto what this kind of fake has.
 */
export function chooseRuntime(kind: string, named: FakeRuntime | undefined, runDefault: FakeRuntime): FakeRuntime {
  if (named) return named;
  const entry = RUNTIMES[kind];
  if (!entry) return runDefault;
  return entry.supported.includes(runDefault) ? runDefault : (entry.instead[runDefault] ?? entry.supported[0]!);
}

export function runtimeFromEnv(): FakeRuntime {
  const value = process.env.PARTNER_HARNESS_RUNTIME as FakeRuntime | undefined;
  return value && FAKE_RUNTIMES.includes(value) ? value : 'embedded';
}
