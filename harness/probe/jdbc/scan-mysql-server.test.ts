import { X509Certificate } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlFake } from '../../../fakes/db/index.ts';
import type { StartedDbFake } from '../../../fakes/db/index.ts';
import { opensslAvailable, opensslLeafFingerprint } from './openssl-test-helpers.ts';
import { scanDatabaseServer } from './scan-database-server.ts';

const CANARY = 'canary-PW-9e4d27';
const START_TIMEOUT = 90_000;

function targetOf(db: StartedDbFake) {
  return { engine: 'mysql' as const, host: db.getHost(), port: db.getPort(), database: 'appdb' };
}

/** The version as the server states it to a logged-in client. */
async function selectVersion(db: StartedDbFake, ssl?: mysql.SslOptions): Promise<string> {
  const connection = await mysql.createConnection({ host: db.getHost(), port: db.getPort(), user: 'app', password: CANARY, database: 'appdb', ...(ssl ? { ssl } : {}) });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    return String(rows[0]?.version);
  } finally {
    await connection.end();
  }
}

describe('scanDatabaseServer (MariaDB)', () => {
  describe('without TLS', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('reads the version, the default auth plugin and no TLS from the handshake', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      expect(scan).toEqual({ target: targetOf(db), version: await selectVersion(db), tls: { offered: false, required: false, certificates: [] }, authMethod: 'mysql_native_password' });
      expect(scan.version).toMatch(/MariaDB/);
    });

    it('logs in, and reports a wrong password with the server’s words and never the password', async () => {
      const ok = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
      expect(ok.login).toEqual({ ok: true, version: ok.version, tls: false });
      const wrong = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: `${CANARY}-wrong` }, timeoutMs: 5_000 });
      expect(wrong.login).toEqual({ ok: false, reason: expect.stringMatching(/^1045: Access denied for user 'app'@'127\.0\.0\.1' \(using password: YES\)$/) });
      expect(JSON.stringify([ok, wrong])).not.toContain(CANARY);
    });
  });

  describe('with TLS offered', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('reads the certificate after an SSLRequest; whether TLS is required stays unknown without a login', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      const served = new X509Certificate(db.getCertificatePem()!);
      expect(scan.version).toBe(await selectVersion(db, { ca: db.getCertificatePem() }));
      expect(scan.tls).toEqual({ offered: true, certificates: [expect.objectContaining({ fingerprint256: served.fingerprint256, selfSigned: true, subject: 'CN=127.0.0.1' })], protocol: expect.stringMatching(/^TLSv1\.[23]$/), cipher: expect.any(String) });
      expect(scan.tls).not.toHaveProperty('required');
      expect(scan.serverError).toBeUndefined();
    });

    it.skipIf(!opensslAvailable)('finds the same leaf certificate as openssl s_client -starttls mysql', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      expect(scan.tls.certificates[0]?.fingerprint256).toBe(await opensslLeafFingerprint(db.getHost(), db.getPort(), 'mysql'));
    });

    it('with credentials, logs in over TLS and learns from a plain login that TLS is not required', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
      expect(scan.login).toEqual({ ok: true, version: scan.version, tls: true });
      expect(scan.tls.required).toBe(false);
    });
  });

  describe('with TLS required (REQUIRE SSL)', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new MysqlFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withRequireTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('says required only once a login tells it', async () => {
      expect((await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 })).tls).not.toHaveProperty('required');
      const scan = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
      expect(scan.login).toEqual({ ok: true, version: scan.version, tls: true });
      expect(scan.tls).toMatchObject({ offered: true, required: true });
      expect(JSON.stringify(scan)).not.toContain(CANARY);
    });
  });
});
