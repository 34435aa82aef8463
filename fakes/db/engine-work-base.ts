import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import createDebug from 'debug';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';
import { RAM_DIR, ramDir, statFs, type StatFs } from '../../core/process/index.ts';

const debug = createDebug('partner-harness:fake:db');

/** Names the folder that engines' work dirs go in, overriding the choice below. */
export const ENGINE_DIR_ENV = 'PARTNER_HARNESS_DB_DIR';
/**
 * Room to leave free in RAM_DIR before choosing it. A PostgreSQL data dir starts at about 40 MB
 * and grows 8 MB per database, MariaDB's at about 110 MB.
 */
export const RAM_DIR_MIN_FREE_BYTES = 1024 ** 3;

export interface WorkBaseProbe {
  env: NodeJS.ProcessEnv;
  tmpdir: () => string;
  statfs: StatFs;
}

/**
 * The folder that database engines' work dirs are made in. Engines write much and keep nothing:
 * on ext4 initdb took 1.2–1.3 s here (most of it system time) and 0.5–0.6 s on tmpfs, and every
 * CREATE DATABASE copies its 8 MB template. So RAM_DIR when it is a tmpfs with room to spare,
 * else os.tmpdir(); PARTNER_HARNESS_DB_DIR names another folder (such as a disk when RAM is short).
 */
export function engineWorkBase(probe: WorkBaseProbe = { env: process.env, tmpdir, statfs: statFs }): string {
  const chosen = probe.env[ENGINE_DIR_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (!isAbsolute(chosen) || !isDirectory(chosen)) {
      throw new RuntimeUnavailableError(`${ENGINE_DIR_ENV}=${chosen} is not an existing directory given by an absolute path`, {
        fix: `Set ${ENGINE_DIR_ENV} to an existing folder (such as /tmp), or unset it to let partner-harness choose ${RAM_DIR} or TMPDIR`,
      });
    }
    return chosen;
  }
  const ram = ramDir(RAM_DIR_MIN_FREE_BYTES, probe.statfs);
  if ('dir' in ram) return ram.dir;
  debug('engine work dirs in %s: %s', probe.tmpdir(), ram.reason);
  return probe.tmpdir();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
