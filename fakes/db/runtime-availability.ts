import type { DbEngine, DbRuntime } from './db-types.ts';
import { findEmbeddedPostgres, findMariadb, findSystemPostgres } from './find-binaries.ts';

export const MYSQL_EMBEDDED_UNAVAILABLE =
  "MysqlFake: runtime 'embedded' is not available: npm has no MySQL/MariaDB server binaries (mysql-memory-server downloads them at run time, and this harness must work offline); use withRuntime('process'), which runs the system mariadbd";

/** Whether `engine` can run under `runtime` on this machine, and if not, why and what to install. */
export function isRuntimeAvailable(engine: DbEngine, runtime: DbRuntime): { available: boolean; reason?: string } {
  if (engine === 'postgresql' && runtime === 'embedded') {
    const found = findEmbeddedPostgres();
    return 'reason' in found ? { available: false, reason: found.reason } : { available: true };
  }
  if (engine === 'postgresql' && runtime === 'process') {
    if (findSystemPostgres()) return { available: true };
    return {
      available: false,
      reason: 'initdb and postgres not found in PATH, /usr/lib/postgresql/*/bin or /usr/local/pgsql/bin; install PostgreSQL: apt-get install -y --no-install-recommends postgresql',
    };
  }
  if (engine === 'mysql' && runtime === 'process') {
    const found = findMariadb();
    return 'reason' in found ? { available: false, reason: found.reason } : { available: true };
  }
  if (engine === 'mysql' && runtime === 'embedded') return { available: false, reason: MYSQL_EMBEDDED_UNAVAILABLE };
  return { available: false, reason: `unknown engine/runtime ${JSON.stringify(engine)}/${JSON.stringify(runtime)}` };
}
