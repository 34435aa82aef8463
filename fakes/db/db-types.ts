/** Every listener binds here; the fakes are for the machine the tests run on. */
export const DB_HOST = '127.0.0.1';

export type DbEngine = 'postgresql' | 'mysql';

/**
 * Where the engine's binaries come from. 'embedded' ships with an npm package, 'process' is the
 * engine installed on the machine, 'container' is a Docker image built from fakes/db/container/
 * (DOCKER_HOST; see scripts/docker/). The started handle is the same for all.
 */
export type DbRuntime = 'embedded' | 'process' | 'container';

export const DB_RUNTIMES: readonly DbRuntime[] = ['embedded', 'process', 'container'];

export interface DbUserOptions {
  /** Postgres SUPERUSER; MySQL ALL PRIVILEGES ON *.* WITH GRANT OPTION (so it learns that a database does not exist). */
  superuser?: boolean;
}

export interface DbUser extends DbUserOptions {
  name: string;
  password: string;
}

export interface DbDatabase {
  name: string;
  owner?: string;
}
