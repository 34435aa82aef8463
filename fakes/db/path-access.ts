import { constants, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

/** The identity the kernel checks a path against. */
export interface Accessor {
  uid: number;
  gid: number;
}

export const SEARCH = 0o1;
export const READ = 0o4;
const { S_IFMT, S_IFDIR } = constants;

/**
 * Whether `who` has `bit` (SEARCH/execute or READ) on a file with `stats`, by the POSIX rule: the
 * owner's bits apply to the owner only, then the group's to the group, then the others'. Only the
 * primary group counts: libuv's spawn with a uid calls setgroups(0), so the engine has no other.
 * POSIX ACLs are not read; at worst an ACL that grants access makes us copy what we need not.
 */
export function hasPermission(stats: Pick<Stats, 'mode' | 'uid' | 'gid'>, who: Accessor, bit: number): boolean {
  // Root may read anything and enter any directory, but runs only files someone may execute.
  if (who.uid === 0) return bit === READ || (stats.mode & S_IFMT) === S_IFDIR || (stats.mode & 0o111) !== 0;
  if (stats.uid === who.uid) return (stats.mode & (bit << 6)) !== 0;
  if (stats.gid === who.gid) return (stats.mode & (bit << 3)) !== 0;
  return (stats.mode & bit) !== 0;
}

/**
 * The first directory on the way to `path` that `who` may not enter, or undefined when it can get
 * there. Both the path as given and its real path are walked: a symlink in the middle needs its
 * own parents searchable, and so does its target. Parts that do not exist yet are passed over.
 */
export function firstBlockingDir(path: string, who: Accessor): string | undefined {
  const absolute = resolve(path);
  const walks = new Set([absolute]);
  try {
    walks.add(realpathSync(absolute));
  } catch {
    // Not there (yet): the path as given is all the kernel would walk.
  }
  for (const walked of walks) {
    for (let dir = dirname(walked); ; dir = dirname(dir)) {
      const stats = statSync(dir, { throwIfNoEntry: false });
      if (stats && !hasPermission(stats, who, SEARCH)) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

/** Whether `who` can reach `path` and has `bit` on it. */
export function canAccess(path: string, who: Accessor, bit: number): boolean {
  if (firstBlockingDir(path, who) !== undefined) return false;
  try {
    return hasPermission(statSync(path), who, bit);
  } catch {
    return false;
  }
}

/** "mode 700, owner uid 0": why `path` stops someone. */
export function describeMode(path: string): string {
  const stats = statSync(path);
  return `mode ${(stats.mode & 0o777).toString(8)}, owner uid ${stats.uid}`;
}

/** Why `who` cannot use `path`: the directory in the way, or the file itself. */
export function explainNoAccess(path: string, who: Accessor): string {
  const blocking = firstBlockingDir(path, who) ?? path;
  return `${blocking} has ${describeMode(blocking)}`;
}

/** Throws when `who` may not execute one of `paths`, naming what stops it; `what` says who runs them and why. */
export function assertCanExecute(paths: readonly string[], who: Accessor, what: string): void {
  const path = paths.find((candidate) => !canAccess(candidate, who, SEARCH));
  if (path !== undefined) throw new RuntimeUnavailableError(`${what} cannot execute ${path}: ${explainNoAccess(path, who)}; install it where other users can run it`);
}
