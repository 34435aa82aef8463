import type { DbEngine, DbRuntime } from './db-types.ts';
import { hasImageSync, isContainerRuntimeAvailable, LOCAL_BASE_IMAGE, resolveContainerSettings } from '../container/index.ts';
import { mariadbContainerRecipe, postgresContainerRecipe, type DbContainerRecipe } from './db-container-recipe.ts';
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
  if (runtime === 'container') return containerAvailability(engine === 'postgresql' ? postgresContainerRecipe : mariadbContainerRecipe);
  return { available: false, reason: `unknown engine/runtime ${JSON.stringify(engine)}/${JSON.stringify(runtime)}` };
}

/**
 * A daemon must answer. A configured image or public base may still be pulled when the fake
 * starts; only the offline base, chosen explicitly, must already be there.
 */
function containerAvailability(recipe: DbContainerRecipe): { available: boolean; reason?: string } {
  const docker = isContainerRuntimeAvailable();
  if (!docker.available) return docker;
  const settings = resolveContainerSettings(undefined);
  if (settings.images[recipe.image.key] || settings.baseImage?.image !== LOCAL_BASE_IMAGE || hasImageSync(LOCAL_BASE_IMAGE)) return { available: true };
  return {
    available: false,
    reason: `${settings.baseImage.source} chooses the base image ${LOCAL_BASE_IMAGE}, which the Docker daemon does not have; run scripts/docker/ensure-base-image.sh (as root, with DOCKER_HOST exported)`,
  };
}
