import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import type * as Mysql from 'mysql2/promise';
import type { EngineRecipe } from './engine-recipe.ts';
import { runTool } from './engine-process.ts';
import { findMariadb, type MariadbBinaries } from './find-binaries.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { DB_HOST, type DbDatabase, type DbUser } from './db-types.ts';
import { accessorOf } from './engine-user.ts';
import { assertCanExecute } from './path-access.ts';
import type { WorkDir } from './work-dir.ts';

// The driver loads on first use: the scenario registry and the runtime checks import this file,
// and most runs start no database.
const mysql = (): typeof Mysql => createRequire(import.meta.url)('mysql2/promise') as typeof Mysql;

/** MySQL has no database owner and no quoting helper that leaves dots alone, so we quote ourselves. */
export function quoteIdentifier(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** The statements that create a user; also written into the container's init SQL. */
export function createUserSql({ name, password, superuser }: DbUser, config: DbFakeConfig): string[] {
  // IDENTIFIED BY gives mysql_native_password on MariaDB; '%' is any host (with no DNS lookups).
  return [
    mysql().format(`CREATE USER ?@'%' IDENTIFIED BY ?${config.requireTls ? ' REQUIRE SSL' : ''}`, [name, password]),
    ...(superuser ? [mysql().format("GRANT ALL PRIVILEGES ON *.* TO ?@'%' WITH GRANT OPTION", [name])] : []),
  ];
}

export function createDatabaseSql({ name, owner }: DbDatabase, config: DbFakeConfig): string[] {
  // The owner gets everything; without one every configured user does, so that (as on Postgres) any user can connect.
  const grantees = owner === undefined ? config.users.map((user) => user.name) : [owner];
  return [`CREATE DATABASE ${quoteIdentifier(name)}`, ...grantees.map((grantee) => mysql().format(`GRANT ALL PRIVILEGES ON ${quoteIdentifier(name)}.* TO ?@'%'`, [grantee]))];
}

/** The engine's own temporary folder, inside its private conf folder. */
const engineTmpdir = (dir: WorkDir) => dir.conf('tmp');

/**
 * MariaDB through the system's mariadbd. The superuser is root@localhost with no password, reached
 * only through the unix socket in conf/ (0700, the engine user's), so no other OS user can use it;
 * every root and anonymous account that TCP could reach is dropped before users are created.
 */
export const mariadbRecipe: EngineRecipe<Mysql.Connection, MariadbBinaries> = {
  label: 'MysqlFake',
  osUsers: ['mysql'],
  stopSignal: 'SIGTERM',
  exitSignal: 'SIGKILL',

  binaries: () => findMariadb(),

  // The system's mariadbd reads nothing from the checkout; a clear error beats spawn's EACCES if PATH points into a 0700 dir.
  async forUser(bin, user) {
    const who = accessorOf(user);
    if (who) assertCanExecute([bin.mariadbd, bin.installDb], who, `MysqlFake: OS user '${user.name}' (uid ${who.uid})`);
    return bin;
  },

  async initialise({ dir, bin }) {
    // MariaDB removes every '#sql' file in its tmpdir when it starts: with the shared /tmp, an
    // engine starting beside another (one per vitest worker) deleted that one's temporary tables
    // mid-install ("Could not remove temporary table ... Unknown table 'mysql.tmp_user_sys'").
    await mkdir(engineTmpdir(dir), { mode: 0o700 });
    await dir.giveToEngine(engineTmpdir(dir));
    await runTool(
      {
        command: bin.installDb,
        // Options it does not know (--tmpdir) go to the mariadbd it bootstraps.
        args: ['--no-defaults', `--datadir=${dir.data}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve', `--tmpdir=${engineTmpdir(dir)}`],
        user: dir.user,
      },
      'MysqlFake: mariadb-install-db',
    );
  },

  server({ dir, bin, certificate }, port) {
    const args = [
      '--no-defaults',
      `--datadir=${dir.data}`,
      `--port=${port}`,
      `--bind-address=${DB_HOST}`,
      `--socket=${dir.conf('mysqld.sock')}`,
      `--pid-file=${dir.conf('mysqld.pid')}`,
      `--tmpdir=${engineTmpdir(dir)}`,
      '--skip-log-bin',
      // Accounts are matched by IP, so 'user'@'%' is not shadowed by an anonymous ''@'localhost'.
      '--skip-name-resolve',
      ...(certificate ? [`--ssl-cert=${certificate.certFile}`, `--ssl-key=${certificate.keyFile}`] : []),
    ];
    // Without --log-error the server logs to stderr, which EngineProcess keeps for failure messages.
    return { command: bin.mariadbd, args, user: dir.user };
  },

  login({ dir }) {
    return mysql().createConnection({ socketPath: dir.conf('mysqld.sock'), user: 'root', password: '', connectTimeout: 2_000 });
  },

  async secure(connection) {
    const [rows] = await connection.query<Mysql.RowDataPacket[]>(
      "SELECT User, Host FROM mysql.user WHERE User = '' OR (User = 'root' AND Host <> 'localhost')",
    );
    for (const { User, Host } of rows) await connection.query('DROP USER ?@?', [User, Host]);
    // mariadb-install-db also adds root@<hostname>, which --skip-name-resolve ignores but keeps.
    await connection.query('DROP USER IF EXISTS ?@?', ['root', hostname()]);
  },

  async version(connection) {
    const [rows] = await connection.query<Mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version ?? '?');
  },

  async createUser(connection, user, { config }) {
    for (const statement of createUserSql(user, config)) await connection.query(statement);
  },

  async createDatabase(connection, database, { config }) {
    for (const statement of createDatabaseSql(database, config)) await connection.query(statement);
  },

  async logout(connection) {
    await connection.end().catch(() => undefined);
  },

  addressInUse: (log) => log.includes('Address already in use') || log.includes('Bind on TCP/IP port'),

  sharing: {
    // Users see only what they are granted: the system databases refuse them already.
    async prepare() {},
    // createDatabaseSql grants the database to its owner (or the fake's users) only.
    async isolate() {},
    async dropDatabase(connection, name) {
      await connection.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`);
    },
    async dropUser(connection, name) {
      const [sessions] = await connection.query<Mysql.RowDataPacket[]>('SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?', [name]);
      for (const { ID } of sessions) await connection.query('KILL CONNECTION ?', [ID]).catch(() => undefined);
      await connection.query("DROP USER IF EXISTS ?@'%'", [name]);
    },
  },
};
