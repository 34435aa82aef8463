import { fileURLToPath } from 'node:url';
import type { DbFakeConfig } from './db-fake.ts';
import { createDatabaseSql as mariadbDatabaseSql, createUserSql as mariadbUserSql } from './mariadb-recipe.ts';
import { createDatabaseSql as postgresDatabaseSql, createUserSql as postgresUserSql } from './postgres-recipe.ts';

/** Dockerfiles and entrypoints; see the comments at their top for what the images understand. */
export const CONTAINER_CONTEXT = fileURLToPath(new URL('./container/', import.meta.url));

/** How one engine runs in its image: which image, which port, when it is ready, how it is provisioned. */
export interface DbContainerRecipe {
  label: string;
  image: {
    /** containers.images.<key> / PARTNER_HARNESS_IMAGE_<KEY> names an image to run instead of ours. */
    key: 'postgres' | 'mariadb';
    /** Ours is <repository>:<tagPrefix>-<hash of the context files and the base image>. */
    repository: string;
    tagPrefix: string;
    dockerfile: string;
    /** Context files the image is made of; their hash is in the tag, so a change builds a new image. */
    files: string[];
  };
  port: number;
  /** The server's own line once it accepts TCP connections (the entrypoint's temporary server logs elsewhere). */
  readyLog: RegExp;
  /** Users and databases, run by the entrypoint as the superuser before the server opens TCP. Holds passwords. */
  initSql(config: DbFakeConfig): string;
}

export const postgresContainerRecipe: DbContainerRecipe = {
  label: 'PostgresFake',
  image: { key: 'postgres', repository: 'partner-harness/postgres', tagPrefix: '15', dockerfile: 'postgres.Dockerfile', files: ['postgres.Dockerfile', 'postgres-entrypoint.sh'] },
  port: 5432,
  readyLog: /database system is ready to accept connections/,
  initSql: (config) => sqlScript([...config.users.map(postgresUserSql), ...config.databases.map(postgresDatabaseSql)]),
};

export const mariadbContainerRecipe: DbContainerRecipe = {
  label: 'MysqlFake',
  image: { key: 'mariadb', repository: 'partner-harness/mariadb', tagPrefix: '10.11', dockerfile: 'mariadb.Dockerfile', files: ['mariadb.Dockerfile', 'mariadb-entrypoint.sh'] },
  port: 3306,
  readyLog: /mariadbd: ready for connections/,
  initSql: (config) =>
    sqlScript([...config.users.flatMap((user) => mariadbUserSql(user, config)), ...config.databases.flatMap((database) => mariadbDatabaseSql(database, config))]),
};

function sqlScript(statements: string[]): string {
  return statements.map((statement) => `${statement};\n`).join('');
}
