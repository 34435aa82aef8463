import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirOf, engineDescendants, isAlive } from './engine-processes.ts';
import { MysqlFake } from './mysql-fake.ts';
import { expectPortClosed } from './port-probe.ts';
import { isRuntimeAvailable } from './runtime-availability.ts';
import type { StartedDbFake } from './started-db-fake.ts';

const CANARY = 'canary-PW-3b8a55';
const START_TIMEOUT = 60_000;

type Login = { user?: string; password?: string; database?: string; ssl?: mysql.SslOptions };

/** Logs in over TCP and reports who we are and whether TLS is on, e.g. 'app+tls'. */
async function myLogin(db: StartedDbFake, login: Login = {}): Promise<string> {
  const connection = await mysql.createConnection({
    host: db.getHost(),
    port: db.getPort(),
    user: login.user ?? 'app',
    password: login.password ?? CANARY,
    database: login.database ?? 'appdb',
    ...(login.ssl ? { ssl: login.ssl } : {}),
    connectTimeout: 5_000,
  });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>("SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1) AS user, VARIABLE_VALUE AS cipher FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'");
    return `${rows[0]?.user}${rows[0]?.cipher ? '+tls' : ''}`;
  } finally {
    await connection.end().catch(() => undefined);
  }
}

describe('MysqlFake (process)', () => {
  it('finds mariadbd on this machine (CI installs mariadb-server)', () => {
    const { available, reason } = isRuntimeAvailable('mysql', 'process');
    expect(available, reason).toBe(true);
  });

  describe('with TLS offered', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withUser('app', CANARY).withUser('other', `${CANARY}-o`).withUser('dba', `${CANARY}-d`, { superuser: true }).withDatabase('appdb', { owner: 'app' }).withDatabase('shared').withTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('describes itself', () => {
      expect(db.getEngine()).toBe('mysql');
      expect(db.getRuntime()).toBe('process');
      expect(db.getJdbcUrl('appdb')).toBe(`jdbc:mysql://127.0.0.1:${db.getPort()}/appdb`);
      expect(db.getCertificatePem()).toContain('-----BEGIN CERTIFICATE-----');
    });

    it('logs users in with or without TLS', async () => {
      expect(await myLogin(db)).toBe('app');
      expect(await myLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
      expect(await myLogin(db, { user: 'other', password: `${CANARY}-o`, database: 'shared' })).toBe('other');
    });

    it('grants an owned database to its owner only', async () => {
      await expect(myLogin(db, { user: 'other', password: `${CANARY}-o`, database: 'appdb' })).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR', errno: 1044 });
    });

    it('rejects a wrong password with ER_ACCESS_DENIED_ERROR (1045)', async () => {
      await expect(myLogin(db, { password: `${CANARY}-wrong` })).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 });
    });

    it('rejects an unknown database: 1049 to those allowed to know, 1044 to others (as real MySQL does)', async () => {
      await expect(myLogin(db, { user: 'dba', password: `${CANARY}-d`, database: 'nope' })).rejects.toMatchObject({ code: 'ER_BAD_DB_ERROR', errno: 1049 });
      await expect(myLogin(db, { database: 'nope' })).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR', errno: 1044, message: "Access denied for user 'app'@'%' to database 'nope'" });
    });

    it('leaves no passwordless root reachable over TCP', async () => {
      await expect(myLogin(db, { user: 'root', password: '', database: 'mysql' })).rejects.toMatchObject({ errno: 1045 });
    });

    it('presents a self-signed certificate that only verifies against its own PEM', async () => {
      // mysql2 wraps the TLS error: its code is HANDSHAKE_SSL_ERROR, the message is Node's.
      await expect(myLogin(db, { ssl: { rejectUnauthorized: true } })).rejects.toMatchObject({ code: 'HANDSHAKE_SSL_ERROR', message: 'self-signed certificate' });
    });

    it('keeps its temporary tables in a folder of its own: MariaDB empties its tmpdir of them at start, so a shared /tmp lost them to an engine starting beside it', async () => {
      const connection = await mysql.createConnection({ host: db.getHost(), port: db.getPort(), user: 'app', password: CANARY, database: 'appdb' });
      const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT @@tmpdir AS tmpdir').finally(() => connection.end());
      const mariadbd = engineDescendants().find((info) => info.args.includes(`--port=${db.getPort()}`));
      expect(rows[0]?.tmpdir).toBe(join(dirname(dataDirOf(mariadbd!)!), 'conf', 'tmp'));
    });

    it('never puts a password into the transcript', () => {
      const transcript = db.getTranscript();
      expect(JSON.stringify(transcript)).not.toContain(CANARY);
      expect(transcript.map((entry) => entry.kind)).toEqual(['engine', 'user-created', 'user-created', 'user-created', 'database-created', 'database-created', 'started']);
      expect(transcript[0]?.detail.version).toMatch(/MariaDB/);
    });
  });

  describe('with TLS required', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withRequireTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('rejects a login without TLS and accepts one with it', async () => {
      await expect(myLogin(db)).rejects.toMatchObject({ code: 'ER_ACCESS_DENIED_ERROR', errno: 1045 });
      expect(await myLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
    });

    it('stop() leaves no engine process, data directory or listener behind', async () => {
      const mariadbd = engineDescendants().find((info) => info.args.includes(`--port=${db.getPort()}`));
      expect(mariadbd, 'mariadbd runs as our child').toBeDefined();
      const workDir = dirname(dataDirOf(mariadbd!)!);
      expect(workDir).toMatch(/\/partner-harness-db-[^/]+$/);
      await db.stop();
      await db.stop();
      expect(isAlive(mariadbd!.pid)).toBe(false);
      expect(existsSync(workDir)).toBe(false);
      await expectPortClosed(db.getPort());
    });
  });
});
