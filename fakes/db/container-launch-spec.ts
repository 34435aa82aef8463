import { randomBytes } from 'node:crypto';
import type { DbFakeConfig } from './db-fake.ts';
import type { DbContainerRecipe } from './db-container-recipe.ts';

/** A file copied into the container before it starts. */
export interface ContainerFile {
  target: string;
  content: string;
  mode: number;
}

/** How one container is started for one fake: what goes in, what it runs, when it is ready. */
export interface ContainerLaunchSpec {
  /** `ours` understands PH_* and /partner-harness/init.d; `official` is docker-library's image. */
  flavour: 'ours' | 'official';
  environment: Record<string, string>;
  files: ContainerFile[];
  /** Arguments after the image's entrypoint (the official MariaDB image takes TLS settings here). */
  command?: string[];
  readyLog: RegExp;
  /** How often readyLog appears before the server takes clients: twice where a temporary server provisions first. */
  readyCount: number;
  /** The engine's version, from the container's log. */
  engineLine: RegExp;
  /** Values generated here that must never reach a log (a superuser password nobody uses). */
  secrets: string[];
}

export interface HostCertificate {
  pem: string;
  key: string;
}

const OURS_INIT_SQL = '/partner-harness/init.d/50-partner-harness.sql';
const TLS_DIR = '/partner-harness/tls';
/** Where docker-library's postgres and mariadb entrypoints run *.sql and *.sh on a first start. */
const OFFICIAL_INIT_DIR = '/docker-entrypoint-initdb.d';

/**
 * Whether `image` is the official image of `repository` (`postgres:16`, `library/postgres`,
 * `docker.io/library/postgres@sha256:…`): those are driven by their own variables, not ours.
 */
export function isOfficialImage(image: string, repository: string): boolean {
  let name = image.split('@')[0]!;
  const lastSlash = name.lastIndexOf('/');
  const tagColon = name.lastIndexOf(':');
  if (tagColon > lastSlash) name = name.slice(0, tagColon);
  return name.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '') === repository;
}

/** The launch for `image`: ours (built from container/*.Dockerfile) or the engine's official image. */
export function containerLaunchSpec(recipe: DbContainerRecipe, image: string, config: DbFakeConfig, certificate: HostCertificate | undefined): ContainerLaunchSpec {
  const initSql = recipe.initSql(config);
  if (isOfficialImage(image, recipe.image.key)) return recipe.image.key === 'postgres' ? officialPostgres(initSql, config, certificate) : officialMariadb(initSql, certificate);
  return {
    flavour: 'ours',
    environment: config.requireTls ? { PH_REQUIRE_TLS: '1' } : {},
    files: [
      { target: OURS_INIT_SQL, content: initSql, mode: 0o600 },
      ...(certificate ? [{ target: `${TLS_DIR}/server.crt`, content: certificate.pem, mode: 0o644 }, { target: `${TLS_DIR}/server.key`, content: certificate.key, mode: 0o600 }] : []),
    ],
    readyLog: recipe.readyLog,
    readyCount: 1,
    engineLine: /^partner-harness: engine (.+)$/m,
    secrets: [],
  };
}

/**
 * docker-library's postgres: POSTGRES_PASSWORD is a random superuser password (never used, never
 * printed); the entrypoint runs our SQL as 'postgres' after initdb, then restarts the server, so
 * the ready line appears twice. Its init scripts run as the postgres user, hence the 0644 files;
 * the TLS script moves the key into PGDATA (0600, postgres's own) and turns ssl on, and with
 * requireTls makes every host line hostssl.
 */
function officialPostgres(initSql: string, config: DbFakeConfig, certificate: HostCertificate | undefined): ContainerLaunchSpec {
  const superuserPassword = randomBytes(18).toString('base64url');
  const tlsScript = [
    '#!/bin/bash',
    'set -euo pipefail',
    `install -m 0600 ${TLS_DIR}/server.crt "$PGDATA/server.crt"`,
    `install -m 0600 ${TLS_DIR}/server.key "$PGDATA/server.key"`,
    'echo "ssl = on" >>"$PGDATA/postgresql.conf"',
    ...(config.requireTls ? [`sed -i 's/^host\\([[:space:]]\\)/hostssl\\1/' "$PGDATA/pg_hba.conf"`] : []),
    '',
  ].join('\n');
  return {
    flavour: 'official',
    environment: { POSTGRES_PASSWORD: superuserPassword, POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256', POSTGRES_INITDB_ARGS: '--auth-host=scram-sha-256 --auth-local=trust' },
    files: [
      { target: `${OFFICIAL_INIT_DIR}/50-partner-harness.sql`, content: initSql, mode: 0o644 },
      ...(certificate
        ? [
            { target: `${TLS_DIR}/server.crt`, content: certificate.pem, mode: 0o644 },
            { target: `${TLS_DIR}/server.key`, content: certificate.key, mode: 0o644 },
            { target: `${OFFICIAL_INIT_DIR}/40-partner-harness-tls.sh`, content: tlsScript, mode: 0o755 },
          ]
        : []),
    ],
    readyLog: /database system is ready to accept connections/,
    readyCount: 2,
    engineLine: /starting PostgreSQL (\S+)/,
    secrets: [superuserPassword],
  };
}

/**
 * docker-library's mariadb: root only at localhost with a random password (never used, never
 * printed); our SQL runs as root on the first start through its temporary server, whose ready
 * line comes first. TLS settings are server arguments, the files readable by the mysql user.
 */
function officialMariadb(initSql: string, certificate: HostCertificate | undefined): ContainerLaunchSpec {
  const rootPassword = randomBytes(18).toString('base64url');
  return {
    flavour: 'official',
    environment: { MARIADB_ROOT_PASSWORD: rootPassword, MARIADB_ROOT_HOST: 'localhost' },
    files: [
      { target: `${OFFICIAL_INIT_DIR}/50-partner-harness.sql`, content: initSql, mode: 0o644 },
      ...(certificate ? [{ target: `${TLS_DIR}/server.crt`, content: certificate.pem, mode: 0o644 }, { target: `${TLS_DIR}/server.key`, content: certificate.key, mode: 0o644 }] : []),
    ],
    ...(certificate ? { command: [`--ssl-cert=${TLS_DIR}/server.crt`, `--ssl-key=${TLS_DIR}/server.key`] } : {}),
    readyLog: /(?:mariadbd|mysqld): ready for connections/,
    readyCount: 2,
    engineLine: /Version: '([^']+)'/,
    secrets: [rootPassword],
  };
}
