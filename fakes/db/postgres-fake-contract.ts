import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbRuntime } from './db-types.ts';
import { dataDirOf, engineDescendants, isAlive } from './engine-processes.ts';
import { PostgresFake } from './postgres-fake.ts';
import type { StartedDbFake } from './started-db-fake.ts';
import { expectPortClosed } from './port-probe.ts';

const CANARY = 'canary-PW-7d2e91';
const START_TIMEOUT = 60_000;

type Login = { user?: string; password?: string; database?: string; ssl?: pg.ClientConfig['ssl']; connectionTimeoutMillis?: number };

export async function pgLogin(db: StartedDbFake, login: Login = {}): Promise<string> {
  const client = new pg.Client({
    host: db.getHost(),
    port: db.getPort(),
    user: login.user ?? 'app',
    password: login.password ?? CANARY,
    database: login.database ?? 'appdb',
    ssl: login.ssl ?? false,
    connectionTimeoutMillis: login.connectionTimeoutMillis ?? 5_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ user: string; ssl: boolean }>('SELECT current_user AS user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    const row = result.rows[0]!;
    return `${row.user}${row.ssl ? '+tls' : ''}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What differs between runtimes: where clients appear to come from, and how stop() is verified. */
export interface PostgresContractOptions {
  /** The client address the server names in pg_hba messages (a container sees the Docker bridge). */
  clientAddress?: string | RegExp;
  /** Called before stop(); returns the assertions that stop() removed everything the runtime made. */
  beforeStop?: (db: StartedDbFake) => Promise<() => Promise<void>> | (() => Promise<void>);
}

/** The same contract for every runtime: what a Glue JDBC connection test meets at a real Postgres. */
export function describePostgresContract(runtime: DbRuntime, options: PostgresContractOptions = {}): void {
  const clientAddress = options.clientAddress ?? '127.0.0.1';
  const beforeStop = options.beforeStop ?? processStopEvidence;
  describe(`PostgresFake (${runtime})`, () => {
    describe('with TLS offered', () => {
      let db: StartedDbFake;
      beforeAll(async () => {
        db = await new PostgresFake().withRuntime(runtime).withUser('app', CANARY).withUser('reader', `${CANARY}-r`).withDatabase('appdb', { owner: 'app' }).withTls().start();
      }, START_TIMEOUT);
      afterAll(() => db?.stop());

      it('describes itself', () => {
        expect(db.getEngine()).toBe('postgresql');
        expect(db.getRuntime()).toBe(runtime);
        expect(db.getHost()).toBe('127.0.0.1');
        expect(db.getJdbcUrl('appdb')).toBe(`jdbc:postgresql://127.0.0.1:${db.getPort()}/appdb`);
        expect(db.getCertificatePem()).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
      });

      it('logs users in with SCRAM-SHA-256, with or without TLS', async () => {
        expect(await pgLogin(db)).toBe('app');
        expect(await pgLogin(db, { user: 'reader', password: `${CANARY}-r` })).toBe('reader');
        expect(await pgLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
      });

      it('rejects a wrong password with 28P01', async () => {
        await expect(pgLogin(db, { password: `${CANARY}-wrong` })).rejects.toMatchObject({ code: '28P01', message: 'password authentication failed for user "app"' });
      });

      it('rejects an unknown database with 3D000', async () => {
        await expect(pgLogin(db, { database: 'nope' })).rejects.toMatchObject({ code: '3D000', message: 'database "nope" does not exist' });
      });

      it('presents a self-signed certificate that only verifies against its own PEM', async () => {
        await expect(pgLogin(db, { ssl: { rejectUnauthorized: true } })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: expect.stringMatching(/self[- ]signed certificate/) });
        await expect(pgLogin(db, { ssl: { ca: db.getCertificatePem(), servername: 'localhost' } })).resolves.toBe('app+tls');
      });

      it('never puts a password into the transcript', () => {
        const transcript = db.getTranscript();
        const json = JSON.stringify(transcript);
        expect(json).not.toContain(CANARY);
        expect(transcript.map((entry) => entry.kind)).toEqual(['engine', 'user-created', 'user-created', 'database-created', 'started']);
        expect(transcript.filter((e) => e.kind === 'user-created').map((e) => e.detail.name)).toEqual(['app', 'reader']);
      });
    });

    describe('with TLS required', () => {
      let db: StartedDbFake;
      beforeAll(async () => {
        db = await new PostgresFake().withRuntime(runtime).withUser('app', CANARY).withDatabase('appdb').withRequireTls().start();
      }, START_TIMEOUT);
      afterAll(() => db?.stop());

      it('rejects a login without TLS and accepts one with it', async () => {
        const host = typeof clientAddress === 'string' ? clientAddress.replaceAll('.', '\\.') : clientAddress.source;
        await expect(pgLogin(db)).rejects.toMatchObject({
          code: '28000',
          message: expect.stringMatching(new RegExp(`^no pg_hba.conf entry for host "${host}", user "app", database "appdb", no encryption$`)),
        });
        expect(await pgLogin(db, { ssl: { ca: db.getCertificatePem() } })).toBe('app+tls');
      });

      it(`stop() leaves no ${runtime === 'container' ? 'container' : 'engine process, data directory'} or listener behind`, async () => {
        const verify = await beforeStop(db);
        await db.stop();
        await db.stop();
        await verify();
        await expectPortClosed(db.getPort());
        expect(db.getTranscript().at(-1)?.kind).toBe('stopped');
      });
    });
  });
}

/** For 'embedded' and 'process': the postmaster and its backends are gone, and so is the work dir. */
function processStopEvidence(db: StartedDbFake): () => Promise<void> {
  const engines = engineDescendants().filter((info) => info.comm === 'postgres');
  const postmaster = engines.find((info) => dataDirOf(info) !== undefined && info.args.includes(String(db.getPort())));
  expect(postmaster, 'the postmaster runs as our child').toBeDefined();
  const workDir = dirname(dataDirOf(postmaster!)!);
  expect(workDir).toMatch(/\/partner-harness-db-[^/]+$/);
  const ours = engines.filter((info) => info.pid === postmaster!.pid || info.ppid === postmaster!.pid);
  return async () => {
    expect(ours.filter((info) => isAlive(info.pid))).toEqual([]);
    expect(existsSync(workDir)).toBe(false);
  };
}
