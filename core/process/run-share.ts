import { createHash } from 'node:crypto';
import { closeSync, fstatSync, linkSync, lstatSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { onProcessExit } from './exit-cleanup.ts';
import { setEnv } from './set-env.ts';

const debug = createDebug('partner-harness:run-share');

/** Names the run's share folder to the processes of the run (set by the CLI before it forks its workers). */
export const RUN_SHARE_ENV = 'PARTNER_HARNESS_RUN_SHARE';
/** Far beyond a key pair; a larger file is not ours. */
const MAX_VALUE_BYTES = 64 * 1024;

/**
 * Opens the run's share: a private folder (0700) under TMPDIR, named in PARTNER_HARNESS_RUN_SHARE
 * for the workers forked after this. close() restores the variable and removes the folder; so
 * does this process's exit.
 */
export function openRunShare(): { dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'partner-harness-run-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const unregister = onProcessExit(remove);
  const restoreEnv = setEnv(RUN_SHARE_ENV, dir);
  return {
    dir,
    close() {
      restoreEnv();
      remove();
      unregister();
    },
  };
}

/** How to make a value, and to write and read it as text. decode() checks what it reads: undefined means not usable. */
export interface Shareable<T> {
  make(): T;
  encode(value: T): string;
  decode(text: string): T | undefined;
}

/**
 * A value that costs much to make (an RSA key: 100–350 ms here) and that every process of the run
 * may use alike: the first process to need it makes it and leaves it in the run's share, the others
 * read it there. What cannot be read or decoded is made afresh. Without a share (a process outside
 * `partner-harness run`), or should it be unusable, the value is just made. Two processes that
 * miss at once both make one; the first stays in the share.
 */
export function sharedInRun<T>(name: string, value: Shareable<T>): T {
  const dir = usableShare();
  if (!dir) return value.make();
  const file = join(dir, createHash('sha256').update(name).digest('hex'));
  const found = readSmall(file);
  const decoded = found === undefined ? undefined : value.decode(found);
  if (decoded !== undefined) {
    debug('%s read from the run\'s share', name);
    return decoded;
  }
  const made = value.make();
  const temp = `${file}.${process.pid}`;
  try {
    writeFileSync(temp, value.encode(made), { mode: 0o600, flag: 'wx' });
    // link() fails when the name exists: a value never replaces another process's.
    linkSync(temp, file);
    debug('%s made and shared', name);
  } catch (error) {
    debug('%s made, not shared: %s', name, (error as Error).message);
  } finally {
    rmSync(temp, { force: true });
  }
  return made;
}

let checked: { path: string; usable: boolean } | undefined;

/** The share named in the environment, when it is a folder of ours that only we can enter. */
function usableShare(): string | undefined {
  const path = process.env[RUN_SHARE_ENV];
  if (!path) return undefined;
  if (checked?.path !== path) {
    let usable = false;
    try {
      const stats = lstatSync(path);
      usable = stats.isDirectory() && stats.uid === process.getuid?.() && (stats.mode & 0o077) === 0;
    } catch {
      // Gone: the run is ending.
    }
    if (!usable) debug('%s is not a private folder of this user: values are made in this process', path);
    checked = { path, usable };
  }
  return checked.usable ? path : undefined;
}

function readSmall(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    return stats.isFile() && stats.size <= MAX_VALUE_BYTES ? readFileSync(fd, 'utf8') : undefined;
  } finally {
    closeSync(fd);
  }
}
