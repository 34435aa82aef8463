import { getEventListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { pgLogin } from './postgres-fake-contract.ts';
import { dataDirOf, engineDescendants, isAlive } from './engine-processes.ts';
import { PostgresFake } from './postgres-fake.ts';
import { leaseSharedEngine, stopSharedEngines } from './shared-engines.ts';
import { postgresRecipe } from './postgres-recipe.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { Transcript } from '../shared/transcript.ts';
import type { StartedDbFake } from './started-db-fake.ts';

const A = { user: 'etl_a', password: 'shared-PW-a-41c9', database: 'orders_a' };
const B = { user: 'etl_b', password: 'shared-PW-b-77e0', database: 'orders_b' };

const shared = (tenant: { user: string; password: string; database: string }) =>
  new PostgresFake().withSharedEngine().withUser(tenant.user, tenant.password).withDatabase(tenant.database, { owner: tenant.user });

/** Rows of a query run as a tenant (pg_database is readable by every role). */
async function catalogue(db: StartedDbFake, tenant: typeof A, sql: string): Promise<Array<{ datname: string; owner: string }>> {
  const client = new pg.Client({ host: db.getHost(), port: db.getPort(), user: tenant.user, password: tenant.password, database: tenant.database });
  await client.connect();
  try {
    return (await client.query<{ datname: string; owner: string }>(sql)).rows;
  } finally {
    await client.end();
  }
}

const failure = (promise: Promise<unknown>) => promise.then(() => 'logged in', (error: Error) => error.message);

describe('PostgresFake.withSharedEngine()', () => {
  afterAll(() => stopSharedEngines());

  it("puts fakes with the same settings on one engine, each with its own role and database that the other's role cannot enter", async () => {
    const a = await shared(A).start();
    const b = await shared(B).start();
    try {
      expect(b.getPort()).toBe(a.getPort());
      expect(engineDescendants().filter((info) => info.args.includes('-p') && info.args.includes(String(a.getPort())))).toHaveLength(1);
      expect(await pgLogin(a, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
      expect(await pgLogin(b, { user: B.user, password: B.password, database: B.database })).toBe(B.user);
      expect(await failure(pgLogin(a, { user: A.user, password: A.password, database: B.database }))).toBe(`permission denied for database "${B.database}"`);
      expect(await failure(pgLogin(b, { user: B.user, password: B.password, database: A.database }))).toBe(`permission denied for database "${A.database}"`);
      expect(await failure(pgLogin(a, { user: A.user, password: A.password, database: 'postgres' }))).toBe('permission denied for database "postgres"');
      expect(await failure(pgLogin(a, { user: A.user, password: A.password, database: 'invoices' }))).toBe('database "invoices" does not exist');
      const transcriptA = JSON.stringify(a.getTranscript());
      expect(transcriptA).toContain(A.user);
      for (const other of [B.user, B.password, B.database, A.password]) expect(transcriptA).not.toContain(other);
      expect(a.getTranscript().map((entry) => entry.kind)).toEqual(['engine', 'user-created', 'database-created', 'started']);
      // B's database was made ahead while A ran, then renamed and given to B; the next is made ahead too, and nobody may enter it.
      const databases = () => catalogue(b, B, 'SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database ORDER BY datname');
      expect(await databases()).toContainEqual({ datname: B.database, owner: B.user });
      const spares = await vi.waitFor(async () => {
        const found = (await databases()).filter((row) => row.datname.startsWith('partner_harness_spare_'));
        expect(found.length).toBeGreaterThan(0);
        return found;
      }, 10_000);
      expect(await failure(pgLogin(b, { user: B.user, password: B.password, database: spares[0]!.datname }))).toBe(`permission denied for database "${spares[0]!.datname}"`);
    } finally {
      await a.stop();
    }
    try {
      // A's role and database are gone; B's still work; the same names can come back.
      expect(await failure(pgLogin(b, { user: A.user, password: A.password, database: A.database }))).toBe(`password authentication failed for user "${A.user}"`);
      expect(await pgLogin(b, { user: B.user, password: B.password, database: B.database })).toBe(B.user);
      const again = await shared(A).start();
      expect(again.getPort()).toBe(b.getPort());
      expect(await pgLogin(again, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
      await again.stop();
    } finally {
      await b.stop();
    }
  }, 60_000);

  it.each(['embedded', 'process'] as const)('makes a database its fake left as it found it the next spare, and drops one the fake changed (%s)', async (runtime) => {
    const onRuntime = (tenant: typeof A) => shared(tenant).withRuntime(runtime);
    const witness = await onRuntime(B).start();
    const oidOf = async (name: string) => (await catalogue(witness, B, `SELECT oid::text AS datname, '' AS owner FROM pg_database WHERE datname = '${name}'`))[0]?.datname;
    const byOid = async (oid: string) => (await catalogue(witness, B, `SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE oid = ${oid}`))[0];
    const asA = async (db: StartedDbFake, sql: string) => catalogue(db, A, sql);
    try {
      // A leaves its database as it found it: at stop it is the superuser's spare again, under a new name.
      const a = await onRuntime(A).start();
      const untouched = (await oidOf(A.database))!;
      expect(await pgLogin(a, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
      await a.stop();
      const recycled = await byOid(untouched);
      expect(recycled?.datname).toMatch(/^partner_harness_spare_[0-9a-f]{12}$/);
      expect(recycled?.owner).toBe('postgres');
      expect(await failure(pgLogin(witness, { user: B.user, password: B.password, database: recycled!.datname }))).toBe(`permission denied for database "${recycled!.datname}"`);
      // The next A gets that one, empty and its own; it creates a table, so at stop its database is dropped, not kept.
      const changed = await onRuntime(A).start();
      expect(await oidOf(A.database)).toBe(untouched);
      expect(await asA(changed, "SELECT relname AS datname, '' AS owner FROM pg_class WHERE oid >= 16384")).toEqual([]);
      expect(await asA(changed, 'SELECT current_user AS datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()')).toEqual([{ datname: A.user, owner: A.user }]);
      await asA(changed, 'CREATE TABLE left_behind (id int)');
      await changed.stop();
      expect(await byOid(untouched)).toBeUndefined();
    } finally {
      await witness.stop();
    }
  }, 60_000);

  // System PostgreSQL (process) is older than npm's (embedded): 15 here, whose ALTER SYSTEM is stricter.
  it.each(['embedded', 'process'] as const)('serves every TLS setting in turn from one engine (%s), applying each fake\'s settings while it runs', async (runtime) => {
    const onRuntime = (tenant: typeof A) => shared(tenant).withRuntime(runtime);
    const plainFirst = await onRuntime(A).start();
    const port = plainFirst.getPort();
    expect(plainFirst.getCertificatePem()).toBeUndefined();
    expect(await failure(pgLogin(plainFirst, { user: A.user, password: A.password, database: A.database, ssl: { rejectUnauthorized: false } }))).toBe('The server does not support SSL connections');
    await plainFirst.stop();
    const offered = await onRuntime(A).withTls().start();
    try {
      expect(offered.getPort()).toBe(port);
      expect(await pgLogin(offered, { user: A.user, password: A.password, database: A.database, ssl: { ca: offered.getCertificatePem() } })).toBe(`${A.user}+tls`);
      expect(await pgLogin(offered, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
    } finally {
      await offered.stop();
    }
    const required = await onRuntime(A).withRequireTls().start();
    try {
      expect(required.getPort()).toBe(port);
      expect(await failure(pgLogin(required, { user: A.user, password: A.password, database: A.database }))).toBe(`no pg_hba.conf entry for host "127.0.0.1", user "${A.user}", database "${A.database}", no encryption`);
      expect(await pgLogin(required, { user: A.user, password: A.password, database: A.database, ssl: { ca: required.getCertificatePem() } })).toBe(`${A.user}+tls`);
    } finally {
      await required.stop();
    }
    const plainAgain = await onRuntime(A).start();
    try {
      expect(plainAgain.getPort()).toBe(port);
      expect(await failure(pgLogin(plainAgain, { user: A.user, password: A.password, database: A.database, ssl: { rejectUnauthorized: false } }))).toBe('The server does not support SSL connections');
      expect(await pgLogin(plainAgain, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
    } finally {
      await plainAgain.stop();
    }
  }, 60_000);

  it('starts another engine for fakes running at once with the same names, and for other TLS settings', async () => {
    const fakes: StartedDbFake[] = [];
    try {
      fakes.push(await shared(A).start(), await shared(A).start(), await shared(A).withRequireTls().start());
      const [first, second, tls] = fakes as [StartedDbFake, StartedDbFake, StartedDbFake];
      expect(new Set(fakes.map((fake) => fake.getPort())).size).toBe(3);
      expect(await pgLogin(second, { user: A.user, password: A.password, database: A.database })).toBe(A.user);
      expect(await failure(pgLogin(tls, { user: A.user, password: A.password, database: A.database }))).toMatch(/no encryption/);
      expect(await pgLogin(tls, { user: A.user, password: A.password, database: A.database, ssl: { ca: tls.getCertificatePem() } })).toBe(`${A.user}+tls`);
      expect(first.getCertificatePem()).toBeUndefined();
    } finally {
      await Promise.all(fakes.map((fake) => fake.stop()));
    }
  }, 90_000);

  it('leaves no listener on the abort signal of a lease that waited for an engine to start', async () => {
    // An empty pool: the first lease starts the engine, the second waits for it, then for the names.
    await stopSharedEngines();
    const C = { user: 'etl_c', password: 'shared-PW-c-0b5d', database: 'orders_c' };
    const config: DbFakeConfig = { engine: 'postgresql', runtime: 'embedded', users: [{ name: C.user, password: C.password }], databases: [{ name: C.database, owner: C.user }], tls: false, requireTls: false, sharedEngine: true };
    const gone = new AbortController();
    const first = leaseSharedEngine(postgresRecipe, config, new Transcript(), { owner: 'first' });
    const second = leaseSharedEngine(postgresRecipe, config, new Transcript(), { owner: 'second', waitMs: 30_000, signal: gone.signal });
    const held = await first;
    await held.stop();
    const serving = await second;
    try {
      expect(serving.port).toBe(held.port);
      // The client's signal lives as long as the client: each wait must take its listener back.
      expect(getEventListeners(gone.signal, 'abort')).toEqual([]);
    } finally {
      await serving.stop();
    }
  }, 60_000);

  it('stopSharedEngines() stops every engine and removes its data', async () => {
    const fake = await shared(B).start();
    await fake.stop();
    const engines = engineDescendants().filter((info) => info.comm === 'postgres');
    expect(engines.length).toBeGreaterThan(0);
    const dirs = engines.flatMap((info) => (dataDirOf(info) ? [dirname(dataDirOf(info)!)] : []));
    await stopSharedEngines();
    expect(engines.filter((info) => isAlive(info.pid))).toEqual([]);
    expect(dirs.filter((dir) => existsSync(dir))).toEqual([]);
  }, 60_000);
});

describe('MysqlFake.withSharedEngine()', () => {
  afterAll(() => stopSharedEngines());

  it("shares one MariaDB between fakes, each user kept out of the other's database, and drops them at stop()", async () => {
    const { MysqlFake } = await import('./mysql-fake.ts');
    const mysql = (await import('mysql2/promise')).default;
    const start = (tenant: typeof A) => new MysqlFake().withSharedEngine().withUser(tenant.user, tenant.password).withDatabase(tenant.database, { owner: tenant.user }).start();
    const login = (db: StartedDbFake, tenant: typeof A, database: string) =>
      mysql.createConnection({ host: db.getHost(), port: db.getPort(), user: tenant.user, password: tenant.password, database }).then((connection) => connection.end().then(() => 'logged in'), (error: Error) => error.message);
    const a = await start(A);
    const b = await start(B);
    try {
      expect(b.getPort()).toBe(a.getPort());
      expect(await login(a, A, A.database)).toBe('logged in');
      expect(await login(a, A, B.database)).toBe(`Access denied for user '${A.user}'@'%' to database '${B.database}'`);
      expect(await login(b, B, A.database)).toBe(`Access denied for user '${B.user}'@'%' to database '${A.database}'`);
      expect(JSON.stringify(a.getTranscript())).not.toContain(B.user);
    } finally {
      await a.stop();
    }
    try {
      expect(await login(b, A, A.database)).toMatch(new RegExp(`^Access denied for user '${A.user}'@'127.0.0.1' \\(using password: YES\\)`));
      expect(await login(b, B, B.database)).toBe('logged in');
    } finally {
      await b.stop();
    }
  }, 60_000);
});
