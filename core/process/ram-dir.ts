import { statfsSync } from 'node:fs';

/** Linux's RAM-backed folder: a tmpfs on Debian, Ubuntu and GitHub's runners. */
export const RAM_DIR = '/dev/shm';
/** statfs's f_type of a tmpfs. */
const TMPFS_MAGIC = 0x01021994;

/** What ramDir() needs to know of a folder: its filesystem's type and free bytes, or undefined when unreadable. */
export type StatFs = (path: string) => { type: number; freeBytes: number } | undefined;

export const statFs: StatFs = (path) => {
  try {
    const stats = statfsSync(path);
    return { type: stats.type, freeBytes: stats.bavail * stats.bsize };
  } catch {
    return undefined;
  }
};

/**
 * RAM_DIR when it is a tmpfs with `minFreeBytes` free, else undefined with the reason: for files
 * that are written much and kept only while this run lasts (a container's 64 MB /dev/shm is refused).
 */
export function ramDir(minFreeBytes: number, statfs: StatFs = statFs): { dir: string } | { reason: string } {
  const ram = statfs(RAM_DIR);
  if (ram?.type !== TMPFS_MAGIC) return { reason: `${RAM_DIR} is not a tmpfs here` };
  if (ram.freeBytes < minFreeBytes) return { reason: `${RAM_DIR} has ${Math.round(ram.freeBytes / 1024 ** 2)} MiB free` };
  return { dir: RAM_DIR };
}
