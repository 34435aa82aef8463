import { statfsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute } from 'node:path';
import createDebug from 'debug';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

const debug = createDebug('partner-harness:fake:db');

/** Names the folder that engines' work dirs go in, overriding the choice below. */
export const ENGINE_DIR_ENV = 'PARTNER_HARNESS_DB_DIR';
/** Linux's RAM-backed folder: a tmpfs on Debian, Ubuntu and GitHub's runners. */
export const RAM_DIR = '/dev/shm';
/** statfs's f_type of a tmpfs. */
const TMPFS_MAGIC = 0x01021994;
/**
 * Room to leave free in RAM_DIR before choosing it. A PostgreSQL data dir starts at about 40 MB
 * and grows 8 MB per database, MariaDB's at about 110 MB; a container's 64 MB /dev/shm falls short.
 */
export const RAM_DIR_MIN_FREE_BYTES = 1024 ** 3;

export interface WorkBaseProbe {
  env: NodeJS.ProcessEnv;
  tmpdir: () => string;
  /** statfs of a path: its type and free bytes, or undefined when it cannot be read. */
  statfs: (path: string) => { type: number; freeBytes: number } | undefined;
}

const realProbe: WorkBaseProbe = {
  env: process.env,
  tmpdir,
  statfs(path) {
    try {
      const stats = statfsSync(path);
      return { type: stats.type, freeBytes: stats.bavail * stats.bsize };
    } catch {
      return undefined;
    }
  },
};

/**
 * The folder that database engines' work dirs are made in. Engines write much and keep nothing:
 * on ext4 initdb took 1.2–1.3 s here (most of it system time) and 0.5–0.6 s on tmpfs, and every
 * CREATE DATABASE copies its 8 MB template. So RAM_DIR when it is a tmpfs with room to spare,
 * else os.tmpdir(); PARTNER_HARNESS_DB_DIR names another folder (such as a disk when RAM is short).
 */
export function engineWorkBase(probe: WorkBaseProbe = realProbe): string {
  const chosen = probe.env[ENGINE_DIR_ENV];
  if (chosen !== undefined && chosen !== '') {
    if (!isAbsolute(chosen) || !isDirectory(chosen)) {
      throw new RuntimeUnavailableError(`${ENGINE_DIR_ENV}=${chosen} is not an existing directory given by an absolute path`, {
        fix: `Set ${ENGINE_DIR_ENV} to an existing folder (such as /tmp), or unset it to let partner-harness choose ${RAM_DIR} or TMPDIR`,
      });
    }
    return chosen;
  }
  const ram = probe.statfs(RAM_DIR);
  if (ram?.type === TMPFS_MAGIC && ram.freeBytes >= RAM_DIR_MIN_FREE_BYTES) return RAM_DIR;
  const why = ram?.type !== TMPFS_MAGIC ? 'is not a tmpfs here' : `has ${Math.round(ram.freeBytes / 1024 ** 2)} MiB free`;
  debug('engine work dirs in %s: %s %s', probe.tmpdir(), RAM_DIR, why);
  return probe.tmpdir();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
