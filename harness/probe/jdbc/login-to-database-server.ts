import createDebug from 'debug';
import type { DatabaseLogin, DatabaseTarget } from './database-server-scan.ts';

const debug = createDebug('partner-harness:probe:jdbc');

export interface DatabaseLoginRequest extends DatabaseTarget {
  user: string;
  password: string;
  /** TLS without verification (the JDBC drivers' `prefer` when the server offers it), or none. */
  tls: boolean;
  timeoutMs: number;
}

type Attempt = { ok: true; version: string; tls: boolean } | { ok: false; error: DriverError };

interface DriverError extends Error {
  code?: string;
  errno?: number;
  severity?: string;
}

/**
 * Logs in for real with the engine's driver (pg, mysql2) and reads the version and whether the
 * session is encrypted from the server itself. The reason of a failure is the server's or the
 * driver's text with the password masked, should any layer ever echo it.
 */
export async function loginToDatabaseServer(request: DatabaseLoginRequest): Promise<DatabaseLogin> {
  const attempt = await attemptLogin(request);
  debug('%s login as %s (tls %s): %s', request.engine, request.user, request.tls, attempt.ok ? 'ok' : (attempt.error.code ?? 'failed'));
  return attempt.ok ? attempt : { ok: false, reason: reasonOf(attempt.error, request.password) };
}

/**
 * After a login over TLS worked, a plain login with the same credentials tells whether TLS is
 * required: refused by pg_hba ("no encryption"), by REQUIRE SSL or MariaDB's
 * require_secure_transport (both 1045, the same as a wrong password, which the TLS login rules
 * out; checked on MariaDB 10.11) or by MySQL's require_secure_transport (3159).
 * Undefined when the plain attempt failed for another reason (network, timeout).
 */
export async function plainLoginRefused(request: DatabaseLoginRequest): Promise<boolean | undefined> {
  const attempt = await attemptLogin({ ...request, tls: false });
  if (attempt.ok) return false;
  const { code, errno, message } = attempt.error;
  if (request.engine === 'postgresql') return code === '28000' && /no encryption|SSL off/i.test(message) ? true : undefined;
  return errno === 1045 || errno === 3159 ? true : undefined;
}

function attemptLogin(request: DatabaseLoginRequest): Promise<Attempt> {
  return (request.engine === 'postgresql' ? postgresLogin : mysqlLogin)(request).catch((error: DriverError) => ({ ok: false, error }) as const);
}

// The drivers load on first use: most probes are of SFTP servers.

async function postgresLogin(request: DatabaseLoginRequest): Promise<Attempt> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: request.host,
    port: request.port,
    user: request.user,
    password: request.password,
    ...(request.database === undefined ? {} : { database: request.database }),
    ssl: request.tls ? { rejectUnauthorized: false } : false,
    connectionTimeoutMillis: request.timeoutMs,
    query_timeout: request.timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ version: string; tls: boolean | null }>("SELECT current_setting('server_version') AS version, (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS tls");
    return { ok: true, version: rows[0]!.version, tls: rows[0]!.tls === true };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function mysqlLogin(request: DatabaseLoginRequest): Promise<Attempt> {
  const { default: mysql } = await import('mysql2/promise');
  const connection = await mysql.createConnection({
    host: request.host,
    port: request.port,
    user: request.user,
    password: request.password,
    ...(request.database === undefined ? {} : { database: request.database }),
    connectTimeout: request.timeoutMs,
    ...(request.tls ? { ssl: { rejectUnauthorized: false } } : {}),
  });
  connection.on('error', () => undefined);
  try {
    const [versionRows] = await connection.query<import('mysql2/promise').RowDataPacket[]>({ sql: 'SELECT VERSION() AS version', timeout: request.timeoutMs });
    // SHOW STATUS works on MySQL 5.x/8 and MariaDB alike (information_schema.SESSION_STATUS does not).
    const [cipherRows] = await connection.query<import('mysql2/promise').RowDataPacket[]>({ sql: "SHOW SESSION STATUS LIKE 'Ssl_cipher'", timeout: request.timeoutMs });
    return { ok: true, version: String(versionRows[0]?.version), tls: Boolean(cipherRows[0]?.Value) };
  } finally {
    await connection.end().catch(() => connection.destroy());
  }
}

/** `FATAL 28P01: password authentication failed for user "app"`, `1045: Access denied for user 'app'@'…'`. */
function reasonOf(error: DriverError, password: string): string {
  const prefix = error.severity ? `${error.severity} ${error.code ?? ''}`.trim() : (error.errno ?? 0) > 0 ? String(error.errno) : error.code;
  const text = prefix ? `${prefix}: ${error.message}` : error.message;
  return password ? text.replaceAll(password, '********') : text;
}
