import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { onProcessExit } from '../../core/process/index.ts';
import { copyTreeForOthers, treeDigest } from './install-tree.ts';
import { canAccess, describeMode, explainNoAccess, SEARCH, type Accessor } from './path-access.ts';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:db');

/**
 * Engine install trees copied where a non-root engine user can reach them. It is a cache, like
 * vite's or tsx's: entries are kept across runs and never removed by us (one per engine version,
 * ~60 MB, mostly hardlinks); `rm -rf "$TMPDIR/partner-harness-engines"` is always safe between runs.
 */
export const ENGINE_CACHE_DIR = 'partner-harness-engines';
const STAGING_PREFIX = '.staging-';
/** A staging dir this old belongs to a process that was SIGKILLed mid-copy. */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** A relocatable engine install: `dir` holds bin/, lib/, share/; `name` (e.g. package@version) names its cache entry. */
export interface EngineInstall {
  dir: string;
  name: string;
}

const copies = new Map<string, Promise<string>>();

/**
 * `install.dir` when `who` can execute or enter every one of `needs` (paths relative to it), else
 * a copy of the tree in the engine cache under os.tmpdir(). The check is a few stat calls, so an
 * install `who` can reach (the usual case) costs nothing; the copy is made once per machine, in a
 * staging dir renamed into place, so concurrent workers and processes never see half a tree.
 */
export async function reachableInstall(install: EngineInstall, who: Accessor, needs: readonly string[]): Promise<string> {
  const missing = firstUnreachable(install.dir, needs, who);
  if (missing === undefined) return install.dir;
  log('uid %d cannot reach %s (%s); using the engine cache', who.uid, missing, explainNoAccess(missing, who));
  let dir = await memoisedCopy(install);
  if (!existsSync(dir)) {
    // Someone emptied the cache while this process ran: copy again.
    copies.delete(copyKey(install));
    dir = await memoisedCopy(install);
  }
  const stillMissing = firstUnreachable(dir, needs, who);
  if (stillMissing !== undefined) {
    throw new RuntimeUnavailableError(`the database engine runs as uid ${who.uid}, which can reach neither ${missing} nor its copy ${stillMissing} (${explainNoAccess(stillMissing, who)}); set TMPDIR to a world-traversable directory such as /tmp`);
  }
  return dir;
}

/** One copy per process and tree; TMPDIR is part of the key, as tests change it. */
function copyKey(install: EngineInstall): string {
  return `${tmpdir()}\0${install.dir}`;
}

function memoisedCopy(install: EngineInstall): Promise<string> {
  const key = copyKey(install);
  let copy = copies.get(key);
  if (!copy) {
    copy = cachedCopy(install);
    copies.set(key, copy);
    copy.catch(() => copies.delete(key));
  }
  return copy;
}

function firstUnreachable(dir: string, needs: readonly string[], who: Accessor): string | undefined {
  return needs.map((path) => join(dir, path)).find((path) => !canAccess(path, who, SEARCH));
}

async function cachedCopy(install: EngineInstall): Promise<string> {
  const root = await cacheRoot();
  const entry = join(root, `${install.name.replace(/[^\w.@-]+/g, '-')}-${await treeDigest(install.dir)}`);
  if (await isOurDir(entry)) return entry;
  removeStaleStaging(root);
  const staging = await mkdtemp(join(root, STAGING_PREFIX));
  const unregister = onProcessExit(() => rmSync(staging, { recursive: true, force: true }));
  try {
    const began = performance.now();
    await copyTreeForOthers(install.dir, join(staging, 'tree'));
    const won = await rename(join(staging, 'tree'), entry).then(
      () => true,
      async (error: NodeJS.ErrnoException) => {
        // Another worker renamed its copy into place first: use that one.
        if (!['ENOTEMPTY', 'EEXIST'].includes(error.code ?? '') || !(await isOurDir(entry))) throw error;
        return false;
      },
    );
    log('%s %s to %s in %d ms', won ? 'copied' : 'another process had just copied', install.dir, entry, Math.round(performance.now() - began));
    return entry;
  } finally {
    await rm(staging, { recursive: true, force: true });
    unregister();
  }
}

/** $TMPDIR/partner-harness-engines, 0755 and ours: a directory someone else made there could hold any binary. */
async function cacheRoot(): Promise<string> {
  const root = join(tmpdir(), ENGINE_CACHE_DIR);
  await mkdir(root, { recursive: true });
  const stats = await lstat(root);
  if (!stats.isDirectory() || stats.uid !== process.getuid?.() || (stats.mode & 0o022) !== 0) {
    throw new RuntimeUnavailableError(`refusing to use the engine cache ${root}: it must be a directory owned by uid ${process.getuid?.()} and writable by no one else (it is ${stats.isDirectory() ? describeMode(root) : 'not a directory'}); remove it`);
  }
  if ((stats.mode & 0o777) !== 0o755) await chmod(root, 0o755);
  return root;
}

async function isOurDir(path: string): Promise<boolean> {
  const stats = await lstat(path).catch(() => undefined);
  return Boolean(stats?.isDirectory() && stats.uid === process.getuid?.());
}

function removeStaleStaging(root: string): void {
  for (const name of readdirSync(root)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const path = join(root, name);
    // Another process may be removing its own staging dir right now.
    const mtimeMs = lstatSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - mtimeMs > STALE_STAGING_MS) rmSync(path, { recursive: true, force: true });
  }
}
