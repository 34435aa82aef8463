import { defineFakeKind } from '../shared/define-fake-kind.ts';
import { dbKindConfig } from './db-kind-config.ts';
import type { DbFake } from './db-fake.ts';
import type { DbEngine } from './db-types.ts';
import { isRuntimeAvailable } from './runtime-availability.ts';
import type { StartedDbFake } from './started-db-fake.ts';

/**
 * A real engine's kind of fake: postgres and mysql share the config and the start, not the runtimes.
 * `builder` imports its fake on demand: the drivers load when a scenario starts one (start-up cost).
 */
export function defineDbKind<Kind extends 'postgres' | 'mysql'>(kind: Kind, engine: DbEngine, builder: () => Promise<DbFake>, runtimes: Array<'embedded' | 'process' | 'container'>) {
  return defineFakeKind({
    kind,
    schema: dbKindConfig(kind),
    runtimes: Object.fromEntries(runtimes.map((runtime) => [runtime, { available: () => isRuntimeAvailable(engine, runtime) }])),
    async start(config, context): Promise<StartedDbFake> {
      context.redact(...config.users.map((user) => user.password));
      // Scenarios come and go by the dozen: their users and databases live on an engine shared per settings.
      const fake = (await builder()).withRuntime(context.runtime).withSharedEngine();
      for (const user of config.users) fake.withUser(user.name, user.password);
      for (const database of config.databases) fake.withDatabase(database.name, database.owner ? { owner: database.owner } : undefined);
      if (config.tls === 'required') fake.withRequireTls();
      else if (config.tls) fake.withTls();
      for (const fault of config.faults) fake.withFault(fault);
      const started = await fake.start();
      const databases = config.databases.map((database) => database.name);
      context.expose({
        engine: started.getEngine(),
        jdbcUrl: started.getJdbcUrl(databases[0] ?? kind),
        jdbcUrls: Object.fromEntries(databases.map((name) => [name, started.getJdbcUrl(name)])),
        certificatePem: started.getCertificatePem(),
      });
      return started;
    },
  });
}
