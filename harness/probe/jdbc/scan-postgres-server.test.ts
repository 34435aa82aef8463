import { X509Certificate } from 'node:crypto';
import { format } from 'node:util';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFake } from '../../../fakes/db/index.ts';
import type { StartedDbFake } from '../../../fakes/db/index.ts';
import { opensslAvailable, opensslLeafFingerprint } from './openssl-test-helpers.ts';
import { scanDatabaseServer } from './scan-database-server.ts';

const CANARY = 'canary-PW-5c1f0e';
const START_TIMEOUT = 60_000;

function targetOf(db: StartedDbFake) {
  return { engine: 'postgresql' as const, host: db.getHost(), port: db.getPort(), database: 'appdb' };
}

describe('scanDatabaseServer (PostgreSQL)', () => {
  describe('without TLS', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new PostgresFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('reports no TLS and the SASL mechanisms pg_hba asks for, and no version before a login', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      expect(scan).toEqual({
        target: targetOf(db),
        tls: { offered: false, required: false, certificates: [] },
        // The fake's pg_hba.conf: `host all all 127.0.0.1/32 scram-sha-256`.
        authMethod: 'scram-sha-256',
        authMechanisms: ['SCRAM-SHA-256'],
      });
    });

    it('logs in with credentials and reads the version the server reports', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
      const version = db.getTranscript().find((entry) => entry.kind === 'engine')?.detail.version;
      expect(scan.login).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+/), tls: false });
      expect(scan.version).toBe((scan.login as { version: string }).version);
      expect(String(version)).toContain(scan.version);
    });

    it('reports a wrong password with the server’s words, and never the password, not even in debug lines', async () => {
      const lines: string[] = [];
      const { log } = createDebug;
      // debug leaves %s to the log function, as its own does with util.format.
      createDebug.log = (...args: unknown[]) => lines.push(format(...args));
      createDebug.enable('partner-harness:probe:jdbc');
      try {
        const wrong = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: `${CANARY}-wrong` }, timeoutMs: 5_000 });
        expect(wrong.login).toEqual({ ok: false, reason: 'FATAL 28P01: password authentication failed for user "app"' });
        expect(wrong.version).toBeUndefined();
        const right = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
        expect(JSON.stringify([wrong, right])).not.toContain(CANARY);
      } finally {
        createDebug.disable();
        createDebug.log = log;
      }
      expect(lines.join('\n')).toMatch(/postgresql login as app/);
      expect(lines.join('\n')).not.toContain(CANARY);
    });
  });

  describe('with TLS offered', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new PostgresFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('reads the self-signed certificate, the TLS version and the auth method asked over TLS', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      const served = new X509Certificate(db.getCertificatePem()!);
      expect(scan.tls).toMatchObject({ offered: true, required: false, protocol: 'TLSv1.3', cipher: expect.any(String) });
      expect(scan.tls.certificates).toEqual([
        {
          subject: 'CN=127.0.0.1',
          subjectAltName: ['IP Address:127.0.0.1', 'DNS:localhost'],
          issuer: 'CN=127.0.0.1',
          selfSigned: true,
          validFrom: new Date(served.validFrom).toISOString(),
          validTo: new Date(served.validTo).toISOString(),
          // The fake's certificate is valid two days from its start.
          expiresInDays: 1,
          fingerprint256: served.fingerprint256,
          pem: served.toString(),
        },
      ]);
      // Over TLS the server also offers channel binding.
      expect(scan).toMatchObject({ authMethod: 'scram-sha-256', authMechanisms: ['SCRAM-SHA-256-PLUS', 'SCRAM-SHA-256'] });
      expect(scan.serverError).toBeUndefined();
    });

    it.skipIf(!opensslAvailable)('finds the same leaf certificate as openssl s_client -starttls postgres', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      expect(scan.tls.certificates[0]?.fingerprint256).toBe(await opensslLeafFingerprint(db.getHost(), db.getPort(), 'postgres'));
    });

    it('logs in over TLS, as the JDBC driver’s default prefers', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), credentials: { user: 'app', password: CANARY }, timeoutMs: 5_000 });
      expect(scan.login).toEqual({ ok: true, version: expect.any(String), tls: true });
      expect(scan.tls.required).toBe(false);
    });
  });

  describe('with TLS required (hostssl rules only)', () => {
    let db: StartedDbFake;
    beforeAll(async () => {
      db = await new PostgresFake().withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withRequireTls().start();
    }, START_TIMEOUT);
    afterAll(() => db?.stop());

    it('tells required from offered without credentials: a plain startup meets pg_hba’s "no encryption"', async () => {
      const scan = await scanDatabaseServer({ ...targetOf(db), timeoutMs: 5_000 });
      expect(scan.tls).toMatchObject({ offered: true, required: true, certificates: [{ fingerprint256: new X509Certificate(db.getCertificatePem()!).fingerprint256 }] });
      expect(scan.authMethod).toBe('scram-sha-256');
      expect(scan.serverError).toBeUndefined();
    });
  });
});
