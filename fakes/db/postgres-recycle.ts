import { setTimeout as sleep } from 'node:timers/promises';
import type Pg from 'pg';
import type { DbDatabase, DbUser } from './db-types.ts';

/** How long the sessions of a fake's database may take to end before it is dropped instead. */
const SESSIONS_END_MS = 2_000;

/**
 * What a fake could leave in a database, as one text: the highest OID in its own catalogs (every
 * object a session creates, temporary schemas and large objects included, gets one at or above
 * FirstNormalObjectId, 16384), the public schema's owner and privileges (the database owner may
 * change them), the rows that comment on or label objects, and the database's own privileges,
 * options and settings. A database whose text is the same after a fake as when it was made holds
 * nothing of that fake's. `query_to_xml` runs the per-catalog queries inside one statement (read
 * as text: xpath needs a server built with libxml), so measuring creates nothing itself.
 */
const FINGERPRINT_SQL = `
SELECT concat_ws(' | ',
  (SELECT max(substring(query_to_xml(format('SELECT max(oid)::bigint AS m FROM pg_catalog.%I', c.relname), false, true, '')::text FROM '<m>([0-9]+)</m>')::bigint)
     FROM pg_catalog.pg_class c
     JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'oid' AND NOT a.attisdropped
    WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared),
  (SELECT concat(nspowner::regrole::text, ' ', coalesce(nspacl::text, '-')) FROM pg_catalog.pg_namespace WHERE nspname = 'public'),
  (SELECT count(*) FROM pg_catalog.pg_description),
  (SELECT count(*) FROM pg_catalog.pg_seclabel),
  (SELECT count(*) FROM pg_catalog.pg_init_privs),
  (SELECT concat_ws(' ', datdba::regrole::text, datconnlimit, datallowconn, datistemplate,
            (SELECT string_agg(item::text, ',' ORDER BY item::text) FROM unnest(datacl) AS item),
            (SELECT count(*) FROM pg_catalog.pg_db_role_setting WHERE setdatabase = d.oid))
     FROM pg_catalog.pg_database d WHERE datname = current_database())) AS fingerprint`;

/** The fingerprint of `database`, read in a session of its own there. */
export async function databaseFingerprint(enter: (database: string) => Promise<Pg.Client>, database: string): Promise<string> {
  const session = await enter(database);
  try {
    const { rows } = await session.query<{ fingerprint: string }>(FINGERPRINT_SQL);
    return rows[0]!.fingerprint;
  } finally {
    await session.end().catch(() => undefined);
  }
}

/**
 * Makes a fake's database the spare `spare` when the fake left nothing behind: once its users can
 * no longer connect and their sessions have ended, the database must match the `fingerprint`
 * taken when it was made. Returns false when anything differs; the caller then drops it, which
 * undoes what was changed here. CREATE DATABASE copies template1 (~8 MB), which on a small VM
 * cost ~180 ms of system time per fake; this costs two short sessions.
 */
export async function recycleDatabase(
  client: Pg.Client,
  { name }: DbDatabase,
  users: readonly DbUser[],
  fingerprint: string,
  spare: string,
  enter: (database: string) => Promise<Pg.Client>,
): Promise<boolean> {
  // A superuser could have changed anything anywhere: its database is not reused.
  if (users.some((user) => user.superuser)) return false;
  const exists = await client.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1', [name]);
  if (exists.rows.length === 0) return false;
  const database = client.escapeIdentifier(name);
  // Back to the superuser, and nobody else may connect (as when it was made); then the sessions still there are ended.
  await client.query(`ALTER DATABASE ${database} OWNER TO CURRENT_USER`);
  await client.query(`REVOKE CONNECT ON DATABASE ${database} FROM PUBLIC`);
  if (users.length > 0) await client.query(`REVOKE ALL ON DATABASE ${database} FROM ${users.map((user) => client.escapeIdentifier(user.name)).join(', ')}`);
  if (!(await endSessions(client, name))) return false;
  if ((await databaseFingerprint(enter, name)) !== fingerprint) return false;
  // The fingerprint's own session may still be closing.
  if (!(await endSessions(client, name))) return false;
  await client.query(`ALTER DATABASE ${database} RENAME TO ${client.escapeIdentifier(spare)}`);
  return true;
}

/** Ends every other session on `name`; false when some are still there after SESSIONS_END_MS. */
async function endSessions(client: Pg.Client, name: string): Promise<boolean> {
  const deadline = performance.now() + SESSIONS_END_MS;
  for (;;) {
    const { rows } = await client.query('SELECT pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    if (rows.length === 0) return true;
    if (performance.now() > deadline) return false;
    await sleep(5);
  }
}
