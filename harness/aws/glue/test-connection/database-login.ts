import type { PeerCertificate, ConnectionOptions as TlsOptions } from 'node:tls';
import createDebug from 'debug';
import type { Connection as MysqlConnection, SslOptions as MysqlSslOptions } from 'mysql2/promise';

const debug = createDebug('partner-harness:aws:glue:jdbc');

export interface LoginRequest {
  engine: 'postgresql' | 'mysql';
  host: string;
  port: number;
  database?: string;
  user: string;
  password: string;
  /** `require`: JDBC_ENFORCE_SSL; `prefer`: the JDBC drivers' default (TLS if offered, unverified). */
  tls: { mode: 'require'; ca?: string; expectedName?: string } | { mode: 'prefer' };
  timeoutMs: number;
}

export type LoginOutcome = { ok: true; tls: boolean } | { ok: false; kind: 'timeout' } | { ok: false; kind: 'driver'; message: string };

/**
 * Logs in for real with the engine's driver and runs `SELECT 1`. Failures carry the text a
 * JDBC driver would print, because that is what Glue appends to its message: the server's own
 * error (`FATAL: password authentication failed …`, `Unknown database 'x'`) or the JDBC
 * driver's wording for network and TLS failures.
 */
export async function databaseLogin(request: LoginRequest): Promise<LoginOutcome> {
  const attempt = request.engine === 'postgresql' ? postgresLogin : mysqlLogin;
  if (request.tls.mode === 'require') return attempt(request, tlsOptions(request.tls));
  // sslmode=prefer: try TLS without verification, fall back to plain when the server has none.
  const secured = await attempt(request, { rejectUnauthorized: false });
  if (!secured.ok && secured.kind === 'driver' && secured.message === NO_SSL[request.engine]) return attempt(request, undefined);
  return secured;
}

/** The JDBC drivers' texts when the server offers no TLS (PgJDBC, MySQL Connector/J). */
const NO_SSL = {
  postgresql: 'The server does not support SSL.',
  mysql: 'SSL connection required, but not supported by the server.',
} as const;

// PKIX failure as the JVM's default trust manager words it (the message Java-based Glue shows).
const UNTRUSTED =
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';

function tlsOptions(tls: { ca?: string; expectedName?: string }): TlsOptions {
  return {
    rejectUnauthorized: true,
    ...(tls.ca ? { ca: tls.ca } : {}),
    ...(tls.expectedName ? { checkServerIdentity: (_host: string, cert: PeerCertificate) => nameMismatch(tls.expectedName!, cert) } : {}),
  };
}

/** Domain or DN match as Glue documents CUSTOM_JDBC_CERT_STRING: CN, a SAN entry, or the whole subject DN. */
function nameMismatch(expected: string, cert: PeerCertificate): Error | undefined {
  const names: Array<string | undefined> = [
    String(cert.subject?.CN ?? ''),
    ...(cert.subjectaltname ?? '').split(/,\s*/).map((entry) => entry.replace(/^(DNS|IP Address):/, '')),
    Object.entries(cert.subject ?? {}).map(([k, v]) => `${k}=${v}`).join(','),
  ];
  if (names.some((name) => name && name.toLowerCase() === expected.toLowerCase())) return undefined;
  const error = new Error(`The hostname ${expected} could not be verified by hostnameverifier PgjdbcHostnameVerifier.`);
  (error as Error & { code: string }).code = 'ERR_HOSTNAME_MISMATCH';
  return error;
}

// The drivers are loaded by the first login that needs one (each costs about 0.1 s to load), so
// importing partner-harness/aws and running scenarios without Glue never pays for them.

async function postgresLogin(request: LoginRequest, ssl: TlsOptions | undefined): Promise<LoginOutcome> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: request.host,
    port: request.port,
    user: request.user,
    password: request.password,
    database: request.database ?? 'postgres',
    ssl: ssl ?? false,
    connectionTimeoutMillis: request.timeoutMs,
    // A server that logs in and then never answers must not hold the call past its time.
    query_timeout: request.timeoutMs,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    debug('postgresql login ok (tls %s)', Boolean(ssl));
    return { ok: true, tls: Boolean(ssl) };
  } catch (error) {
    return classify(error as PgError, request);
  } finally {
    // end() waits for the server to close; a server that never does is cut off.
    await closeWithin(client.end(), () => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy());
  }
}

async function mysqlLogin(request: LoginRequest, ssl: TlsOptions | undefined): Promise<LoginOutcome> {
  const { default: mysql } = await import('mysql2/promise');
  let connection: MysqlConnection | undefined;
  try {
    connection = await mysql.createConnection({
      host: request.host,
      port: request.port,
      user: request.user,
      password: request.password,
      database: request.database,
      connectTimeout: request.timeoutMs,
      ...(ssl ? { ssl: ssl as MysqlSslOptions } : {}),
    });
    await connection.query({ sql: 'SELECT 1', timeout: request.timeoutMs });
    debug('mysql login ok (tls %s)', Boolean(ssl));
    return { ok: true, tls: Boolean(ssl) };
  } catch (error) {
    return classify(error as PgError, request);
  } finally {
    if (connection) await closeWithin(connection.end(), () => connection?.destroy());
  }
}

/** How long a polite close may take before the socket is destroyed. */
const CLOSE_MS = 1_000;

async function closeWithin(closing: Promise<unknown>, destroy: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    closing.then(() => true, () => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_MS))),
  ]);
  clearTimeout(timer);
  if (!closed) destroy();
}

interface PgError extends Error {
  code?: string;
  severity?: string;
  errno?: number;
  sqlMessage?: string;
}

function classify(error: PgError, request: LoginRequest): LoginOutcome {
  const message = error.message ?? String(error);
  debug('%s login failed: %s', request.engine, error.code ?? message);
  if (error.code === 'ETIMEDOUT' || /timeout/i.test(message)) return { ok: false, kind: 'timeout' };
  if (error.code === 'ECONNREFUSED') return driver(refused(request));
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return driver(unknownHost(request));
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || /Connection terminated unexpectedly|Connection lost|closed the connection/i.test(message)) {
    return driver(dropped(request));
  }
  if (/does not support SSL|not support secure connection|HANDSHAKE_NO_SSL_SUPPORT/i.test(message) || error.code === 'HANDSHAKE_NO_SSL_SUPPORT') {
    return driver(NO_SSL[request.engine]);
  }
  if (error.code === 'ERR_HOSTNAME_MISMATCH') return driver(message);
  if (/self[- ]signed|unable to verify|certificate/i.test(message) || error.code?.startsWith('ERR_TLS') || error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error.code === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return driver(UNTRUSTED);
  }
  // Server errors: PgJDBC prints "SEVERITY: message"; Connector/J prints the server message.
  if (error.severity) return driver(`${error.severity}: ${message}`);
  if (error.sqlMessage) return driver(error.sqlMessage);
  return driver(message);
}

function driver(message: string): LoginOutcome {
  return { ok: false, kind: 'driver', message };
}

function refused({ engine, host, port }: LoginRequest): string {
  return engine === 'postgresql'
    ? `Connection to ${host}:${port} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`
    : 'Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.';
}

/** The connection dropped mid-login: PgJDBC's and Connector/J's own words for it. */
function dropped({ engine }: LoginRequest): string {
  return engine === 'postgresql'
    ? 'An I/O error occurred while sending to the backend.'
    : 'Communications link failure\n\nThe last packet successfully received from the server was 0 milliseconds ago. The last packet sent successfully to the server was 0 milliseconds ago.';
}

function unknownHost({ engine, host }: LoginRequest): string {
  return engine === 'postgresql' ? `The connection attempt failed. (java.net.UnknownHostException: ${host})` : `Communications link failure (java.net.UnknownHostException: ${host})`;
}
