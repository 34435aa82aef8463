import { isRuntimeAvailable, MysqlFake, PostgresFake, type DbRuntime } from '#fakes/db/index.ts';
import type { DbFakeConfig } from '../scenario-schema.ts';
import type { ScenarioFake } from './started-fake.ts';

/** The runtime a database fake gets when the scenario does not name one. */
export function dbRuntime(config: Pick<DbFakeConfig, 'kind' | 'runtime'>): DbRuntime {
  // No npm package ships MySQL binaries that run offline, so MySQL defaults to the system engine.
  return config.runtime ?? (config.kind === 'postgres' ? 'embedded' : 'process');
}

/** Why this machine cannot run the fake, or undefined when it can. */
export function dbUnavailableReason(config: Pick<DbFakeConfig, 'kind' | 'runtime'>): string | undefined {
  const check = isRuntimeAvailable(config.kind === 'postgres' ? 'postgresql' : 'mysql', dbRuntime(config));
  return check.available ? undefined : check.reason;
}

/** Starts a real database engine from the scenario's description. */
export async function startDbFake(config: DbFakeConfig): Promise<ScenarioFake> {
  const fake = (config.kind === 'postgres' ? new PostgresFake() : new MysqlFake()).withRuntime(dbRuntime(config));
  for (const user of config.users) fake.withUser(user.name, user.password);
  for (const database of config.databases) fake.withDatabase(database.name, database.owner ? { owner: database.owner } : undefined);
  if (config.tls === 'required') fake.withRequireTls();
  else if (config.tls) fake.withTls();
  for (const fault of config.faults) fake.withFault(fault);
  const started = await fake.start();
  const databases = config.databases.map((d) => d.name);
  return {
    kind: config.kind,
    runtime: started.getRuntime(),
    values: {
      engine: started.getEngine(),
      host: started.getHost(),
      port: started.getPort(),
      jdbcUrl: started.getJdbcUrl(databases[0] ?? (config.kind === 'postgres' ? 'postgres' : 'mysql')),
      jdbcUrls: Object.fromEntries(databases.map((name) => [name, started.getJdbcUrl(name)])),
      certificatePem: started.getCertificatePem(),
    },
    secrets: config.users.map((user) => user.password),
    transcript: () => started.getTranscript(),
    stop: () => started.stop(),
  };
}
