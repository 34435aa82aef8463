import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DbFault } from './db-fault.ts';
import { MysqlFake } from './mysql-fake.ts';
import { PostgresFake } from './postgres-fake.ts';
import { tryConnect } from './port-probe.ts';
import type { StartedDbFake } from './started-db-fake.ts';

const CANARY = 'canary-PW-c0ffee';

async function pgConnect(db: StartedDbFake): Promise<void> {
  const client = new pg.Client({ host: db.getHost(), port: db.getPort(), user: 'app', password: CANARY, database: 'appdb', connectionTimeoutMillis: 300 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function myConnect(db: StartedDbFake): Promise<void> {
  const connection = await mysql.createConnection({ host: db.getHost(), port: db.getPort(), user: 'app', password: CANARY, database: 'appdb', connectTimeout: 300 });
  await connection.end();
}

const withFault = (fake: PostgresFake | MysqlFake, fault: DbFault) => fake.withUser('app', CANARY).withDatabase('appdb', { owner: 'app' }).withTls().withFault(fault).start();

describe('database fakes with a fault', () => {
  it('refuse: nothing listens on the advertised port', async () => {
    await using db = await withFault(new PostgresFake(), { kind: 'refuse' });
    await expect(pgConnect(db)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(db.getJdbcUrl('appdb')).toBe(`jdbc:postgresql://127.0.0.1:${db.getPort()}/appdb`);
    expect(db.getCertificatePem()).toBeUndefined();
    expect(db.getTranscript()).toEqual([expect.objectContaining({ kind: 'fault', detail: { kind: 'refuse', port: db.getPort() } })]);
  });

  it('refuse: MySQL clients see ECONNREFUSED too, and no engine is needed', async () => {
    await using db = await withFault(new MysqlFake(), { kind: 'refuse' });
    await expect(myConnect(db)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('accept-hang: a Postgres login times out, and stop() closes the held sockets and the listener', async () => {
    const db = await withFault(new PostgresFake(), { kind: 'accept-hang' });
    expect(await tryConnect(db.getPort())).toBe('connected');
    const began = performance.now();
    await expect(pgConnect(db)).rejects.toThrow(/timeout/i);
    expect(performance.now() - began).toBeLessThan(2_000);
    await db.stop();
    await db.stop();
    expect(await tryConnect(db.getPort())).toBe('ECONNREFUSED');
    expect(db.getTranscript().map((entry) => entry.kind)).toEqual(['fault', 'stopped']);
  });

  it('accept-hang: a MySQL login times out', async () => {
    await using db = await withFault(new MysqlFake(), { kind: 'accept-hang' });
    await expect(myConnect(db)).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(JSON.stringify(db.getTranscript())).not.toContain(CANARY);
  });
});
