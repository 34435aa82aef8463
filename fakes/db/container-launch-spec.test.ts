import { describe, expect, it } from 'vitest';
import type { DbFakeConfig } from './db-fake.ts';
import { mariadbContainerRecipe, postgresContainerRecipe } from './db-container-recipe.ts';
import { containerLaunchSpec, isOfficialImage } from './container-launch-spec.ts';

const config = (overrides: Partial<DbFakeConfig> = {}): DbFakeConfig => ({
  engine: 'postgresql',
  runtime: 'container',
  users: [{ name: 'app', password: 'Canary-PW-1' }],
  databases: [{ name: 'appdb', owner: 'app' }],
  tls: false,
  requireTls: false,
  ...overrides,
});
const certificate = { pem: '-----BEGIN CERTIFICATE-----\n…', key: '-----BEGIN PRIVATE KEY-----\n…' };

describe('isOfficialImage', () => {
  it("recognises docker-library's image however it is spelled, and nothing else", () => {
    for (const image of ['postgres', 'postgres:16', 'library/postgres:16-bookworm', 'docker.io/library/postgres:16', `postgres@sha256:${'a'.repeat(64)}`]) expect(isOfficialImage(image, 'postgres'), image).toBe(true);
    for (const image of ['partner-harness/postgres:15-0123456789abcdef', 'bitnami/postgresql:16', 'ghcr.io/acme/postgres:16', 'postgres-custom:1', 'localhost:5000/postgres:16']) {
      expect(isOfficialImage(image, 'postgres'), image).toBe(false);
    }
  });
});

describe('containerLaunchSpec', () => {
  it('drives our image through PH_* and /partner-harness/init.d', () => {
    const spec = containerLaunchSpec(postgresContainerRecipe, 'partner-harness/postgres:15-0123456789abcdef', config({ tls: true, requireTls: true }), certificate);
    expect(spec).toMatchObject({ flavour: 'ours', environment: { PH_REQUIRE_TLS: '1' }, readyCount: 1, secrets: [] });
    expect(spec.files.map((file) => [file.target, file.mode])).toEqual([
      ['/partner-harness/init.d/50-partner-harness.sql', 0o600],
      ['/partner-harness/tls/server.crt', 0o644],
      ['/partner-harness/tls/server.key', 0o600],
    ]);
  });

  it('drives the official postgres image through its variables and /docker-entrypoint-initdb.d, waiting for the second ready line', () => {
    const spec = containerLaunchSpec(postgresContainerRecipe, 'postgres:16', config({ tls: true, requireTls: true }), certificate);
    expect(spec.flavour).toBe('official');
    expect(spec.environment).toEqual({ POSTGRES_PASSWORD: spec.secrets[0], POSTGRES_HOST_AUTH_METHOD: 'scram-sha-256', POSTGRES_INITDB_ARGS: '--auth-host=scram-sha-256 --auth-local=trust' });
    expect(spec.secrets[0]).toMatch(/^[\w-]{24}$/);
    expect(spec.readyCount).toBe(2);
    expect(spec.files.map((file) => file.target)).toEqual([
      '/docker-entrypoint-initdb.d/50-partner-harness.sql',
      '/partner-harness/tls/server.crt',
      '/partner-harness/tls/server.key',
      '/docker-entrypoint-initdb.d/40-partner-harness-tls.sh',
    ]);
    expect(spec.files[0]!.content).toBe('CREATE ROLE "app" LOGIN PASSWORD \'Canary-PW-1\';\nCREATE DATABASE "appdb" OWNER "app";\n');
    const tls = spec.files[3]!.content;
    expect(tls).toContain('echo "ssl = on" >>"$PGDATA/postgresql.conf"');
    expect(tls).toContain(`sed -i 's/^host\\([[:space:]]\\)/hostssl\\1/' "$PGDATA/pg_hba.conf"`);
    expect(containerLaunchSpec(postgresContainerRecipe, 'postgres:16', config({ tls: true }), certificate).files[3]!.content).not.toContain('hostssl');
    expect('2024-01-01 00:00:00.000 UTC [1] LOG:  starting PostgreSQL 16.4 (Debian 16.4-1.pgdg120+1) on x86_64'.match(spec.engineLine)?.[1]).toBe('16.4');
  });

  it('drives the official mariadb image with root at localhost only, TLS as server arguments', () => {
    const spec = containerLaunchSpec(mariadbContainerRecipe, 'mariadb:11.4', config({ engine: 'mysql', tls: true, requireTls: true }), certificate);
    expect(spec).toMatchObject({ flavour: 'official', readyCount: 2, command: ['--ssl-cert=/partner-harness/tls/server.crt', '--ssl-key=/partner-harness/tls/server.key'] });
    expect(spec.environment).toEqual({ MARIADB_ROOT_PASSWORD: spec.secrets[0], MARIADB_ROOT_HOST: 'localhost' });
    expect(spec.files[0]).toMatchObject({ target: '/docker-entrypoint-initdb.d/50-partner-harness.sql', mode: 0o644 });
    expect(spec.files[0]!.content).toContain("IDENTIFIED BY 'Canary-PW-1' REQUIRE SSL");
    expect("2024-01-01  0 [Note] mariadbd: ready for connections.\nVersion: '11.4.2-MariaDB-ubu2404'  socket: '/run/mysqld/mysqld.sock'  port: 3306".match(spec.readyLog)).not.toBeNull();
    expect("Version: '11.4.2-MariaDB-ubu2404'  socket".match(spec.engineLine)?.[1]).toBe('11.4.2-MariaDB-ubu2404');
    expect(containerLaunchSpec(mariadbContainerRecipe, 'mariadb:11.4', config({ engine: 'mysql' }), undefined).command).toBeUndefined();
  });
});
