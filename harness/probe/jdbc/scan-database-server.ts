import { InvalidOptionError } from '../../../core/errors/index.ts';
import type { DatabaseServerScan, DatabaseTarget } from './database-server-scan.ts';
import { loginToDatabaseServer, plainLoginRefused } from './login-to-database-server.ts';
import { scanMysqlServer } from './scan-mysql-server.ts';
import { scanPostgresServer } from './scan-postgres-server.ts';

export interface DatabaseScanOptions extends DatabaseTarget {
  /** The user named in the credential-less startup (a server may answer per user); default: the credentials' user, else 'partner-harness-probe'. */
  user?: string;
  /** When given, also a real login with the engine's driver. The password appears in no result, error or debug line. */
  credentials?: { user: string; password: string };
  /** Bounds each step (connect, each read, each TLS handshake, each login); default 10 s. */
  timeoutMs?: number;
}

/**
 * What a PostgreSQL or MySQL/MariaDB server shows without credentials (version where the protocol
 * tells it, TLS offer and certificate chain, the auth method it asks for, or the error it answers
 * instead) and, with credentials, whether a login works. Throws PartnerUnreachableError when no
 * such server answers at host:port.
 */
export async function scanDatabaseServer(options: DatabaseScanOptions): Promise<DatabaseServerScan> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new InvalidOptionError(`scanDatabaseServer: timeoutMs must be a positive integer of milliseconds, not ${timeoutMs}`);
  const target: DatabaseTarget = { engine: options.engine, host: options.host, port: options.port, ...(options.database === undefined ? {} : { database: options.database }) };
  const user = options.user ?? options.credentials?.user ?? 'partner-harness-probe';
  const scan: DatabaseServerScan =
    target.engine === 'postgresql' ? await scanPostgresServer(target, { user, timeoutMs }) : await scanMysqlServer(target, { timeoutMs });
  if (!options.credentials) return scan;
  const request = { ...target, ...options.credentials, tls: scan.tls.offered, timeoutMs };
  const login = await loginToDatabaseServer(request);
  scan.login = login;
  if (!login.ok) return scan;
  // PostgreSQL names its version only to a logged-in client.
  scan.version ??= login.version;
  if (login.tls && scan.tls.required === undefined) {
    const required = await plainLoginRefused(request);
    if (required !== undefined) scan.tls.required = required;
  }
  return scan;
}
