import { DbFake } from './db-fake.ts';
import type { DbRuntime } from './db-types.ts';
import { mariadbContainerRecipe } from './db-container-recipe.ts';
import { launchContainer } from './launch-container.ts';
import { launchEngine } from './launch-engine.ts';
import { leaseEngine } from './lease-engine.ts';
import { mariadbRecipe } from './mariadb-recipe.ts';
import { MYSQL_EMBEDDED_UNAVAILABLE } from './runtime-availability.ts';
import { startDbFake } from './started-db-fake-handle.ts';
import type { StartedDbFake } from './started-db-fake.ts';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

const RESERVED_USERS = new Set(['root', 'mariadb.sys', 'mysql', 'PUBLIC']);
const RESERVED_DATABASES = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

/**
 * A real MariaDB server (MySQL wire protocol) as a partner, run from the system's mariadbd as a
 * non-root OS user with a private datadir, port and socket ('process'), or in a Docker container
 * ('container': image partner-harness/mariadb:10.11 from container/mariadb.Dockerfile). Same
 * builder as PostgresFake.
 */
export class MysqlFake extends DbFake {
  constructor() {
    super('mysql', 'process', {
      label: 'MysqlFake',
      reservedUsers: (name) => RESERVED_USERS.has(name),
      reservedDatabases: (name) => RESERVED_DATABASES.has(name.toLowerCase()),
      // 32 is MySQL 8's limit (MariaDB allows 80), so names work on both.
      maxUserLength: 32,
      maxDatabaseLength: 64,
    });
  }

  override withRuntime(runtime: DbRuntime): this {
    if (runtime === 'embedded') throw new RuntimeUnavailableError(MYSQL_EMBEDDED_UNAVAILABLE);
    return super.withRuntime(runtime);
  }

  async start(): Promise<StartedDbFake> {
    return startDbFake(this.config(), (config, transcript) =>
      config.runtime === 'container' ? launchContainer(mariadbContainerRecipe, config, transcript) : config.sharedEngine ? leaseEngine(mariadbRecipe, config, transcript) : launchEngine(mariadbRecipe, config, transcript),
    );
  }
}
