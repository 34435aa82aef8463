import { isRuntimeAvailable, MysqlFake, PostgresFake } from '../../../fakes/db/index.ts';
import type { DbFakeConfig } from '../scenario-schema.ts';
import { chooseRuntime, type FakeRuntime } from './runtime-choice.ts';
import type { ScenarioFake } from './started-fake.ts';

/** Why this machine cannot run the fake in that runtime, or undefined when it can. */
export function dbUnavailableReason(config: Pick<DbFakeConfig, 'kind' | 'runtime'>, runDefault: FakeRuntime): string | undefined {
  const runtime = chooseRuntime(config.kind, config.runtime, runDefault);
  const check = isRuntimeAvailable(config.kind === 'postgres' ? 'postgresql' : 'mysql', runtime as never);
  return check.available ? undefined : check.reason;
}

/** Starts a real database engine from the scenario's description. */
export async function startDbFake(config: DbFakeConfig, runDefault: FakeRuntime): Promise<ScenarioFake> {
  const runtime = chooseRuntime(config.kind, config.runtime, runDefault);
  const fake = (config.kind === 'postgres' ? new PostgresFake() : new MysqlFake()).withRuntime(runtime as never);
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
