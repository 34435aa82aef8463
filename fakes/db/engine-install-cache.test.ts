import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_CACHE_DIR, reachableInstall } from './engine-install-cache.ts';
import { canAccess, SEARCH } from './path-access.ts';

const NEEDS = ['bin/engine', 'lib', 'share'];

/** A miniature engine tree: an executable, a versioned library with its symlink, a data file, and a file only its owner may read. */
async function makeTree(dir: string): Promise<void> {
  for (const sub of ['bin', 'lib', 'share']) await mkdir(join(dir, sub), { recursive: true, mode: 0o755 });
  await writeFile(join(dir, 'bin/engine'), '#!/bin/sh\necho engine\n', { mode: 0o755 });
  await writeFile(join(dir, 'lib/libengine.so.1.2'), 'ELF', { mode: 0o755 });
  await symlink('libengine.so.1.2', join(dir, 'lib/libengine.so.1'));
  await symlink(join(dir, 'share/words.txt'), join(dir, 'share/absolute-link'));
  await writeFile(join(dir, 'share/words.txt'), 'hello\n', { mode: 0o644 });
  await writeFile(join(dir, 'share/private.conf'), 'secret-ish\n', { mode: 0o600 });
  await chmod(join(dir, 'share/private.conf'), 0o600);
}

describe('reachableInstall', () => {
  const stranger = { uid: process.getuid!() + 54321, gid: process.getgid!() + 54321 };
  const savedTmpdir = process.env.TMPDIR;
  let base: string;
  let cache: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'ph-install-cache-'));
    await chmod(base, 0o755);
    // A private TMPDIR, so the test sees exactly what the cache writes and removes it afterwards.
    await mkdir(join(base, 'tmp'), { mode: 0o755 });
    process.env.TMPDIR = join(base, 'tmp');
    cache = join(base, 'tmp', ENGINE_CACHE_DIR);
    await mkdir(join(base, 'open'), { mode: 0o755 });
    await makeTree(join(base, 'open/native'));
    for (const name of ['root-only-a', 'root-only-b', 'root-only-c', 'root-only-d', 'root-only-e']) {
      await mkdir(join(base, name), { mode: 0o700 });
      await makeTree(join(base, name, 'native'));
    }
  });
  afterAll(async () => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    await rm(base, { recursive: true, force: true });
  });

  it('returns a tree the engine user can already reach unchanged, and copies nothing', async () => {
    const dir = join(base, 'open/native');
    expect(await reachableInstall({ dir, name: 'engine@1.0.0' }, stranger, NEEDS)).toBe(dir);
    expect(await readdir(join(base, 'tmp'))).toEqual([]);
  });

  it('copies a tree under a 0700 directory into the cache once, even when two workers ask at once', async () => {
    const [a, b] = await Promise.all(
      ['root-only-a', 'root-only-b'].map((name) => reachableInstall({ dir: join(base, name, 'native'), name: '@scope/engine@1.0.0' }, stranger, NEEDS)),
    );
    expect(a).toBe(b);
    expect(a).toMatch(new RegExp(`^${cache}/@scope-engine@1\\.0\\.0-[0-9a-f]{16}$`));
    for (const need of NEEDS) expect(canAccess(join(a!, need), stranger, SEARCH)).toBe(true);
    // One entry, no staging dir left behind by the worker that lost the race.
    expect(await readdir(cache)).toEqual([a!.slice(cache.length + 1)]);
    expect((await stat(cache)).mode & 0o777).toBe(0o755);
  });

  it('hardlinks what others may use, copies what they may not, and keeps symlinks pointing inside', async () => {
    const original = join(base, 'root-only-d/native');
    const copy = await reachableInstall({ dir: original, name: 'linked-engine@1.0.0' }, stranger, NEEDS);
    expect((await stat(join(copy, 'bin/engine'))).ino).toBe((await stat(join(original, 'bin/engine'))).ino);
    expect((await stat(join(copy, 'share/private.conf'))).ino).not.toBe((await stat(join(original, 'share/private.conf'))).ino);
    expect((await stat(join(copy, 'share/private.conf'))).mode & 0o777).toBe(0o644);
    expect((await stat(join(original, 'share/private.conf'))).mode & 0o777).toBe(0o600);
    expect(await readlink(join(copy, 'lib/libengine.so.1'))).toBe('libengine.so.1.2');
    expect(await readlink(join(copy, 'share/absolute-link'))).toBe('words.txt');
    expect(await readFile(join(copy, 'share/absolute-link'), 'utf8')).toBe('hello\n');
  });

  it('reuses the entry from an earlier run, and makes a new one when the tree changes', async () => {
    const first = await reachableInstall({ dir: join(base, 'root-only-a/native'), name: '@scope/engine@1.0.0' }, stranger, NEEDS);
    const before = await lstat(first);
    const again = await reachableInstall({ dir: join(base, 'root-only-c/native'), name: '@scope/engine@1.0.0' }, stranger, NEEDS);
    expect(again).toBe(first);
    expect((await lstat(again)).ctimeMs).toBe(before.ctimeMs);
    await writeFile(join(base, 'root-only-c/native/share/words.txt'), 'hello, changed\n');
    const changedDir = join(base, 'root-only-c', 'changed');
    await cp(join(base, 'root-only-c/native'), changedDir, { recursive: true, verbatimSymlinks: true });
    const changed = await reachableInstall({ dir: changedDir, name: '@scope/engine@1.0.0' }, stranger, NEEDS);
    expect(changed).not.toBe(first);
    expect((await readdir(cache)).filter((name) => name.startsWith('@scope-engine@1.0.0-'))).toHaveLength(2);
  });

  it('refuses a cache directory that others may write to', async () => {
    await chmod(cache, 0o777);
    try {
      await expect(reachableInstall({ dir: join(base, 'root-only-e/native'), name: 'other-engine@2.0.0' }, stranger, NEEDS)).rejects.toThrow(
        `refusing to use the engine cache ${cache}: it must be a directory owned by uid ${process.getuid!()} and writable by no one else (it is mode 777, owner uid ${process.getuid!()}); remove it`,
      );
    } finally {
      await chmod(cache, 0o755);
    }
  });

  it('copies again when the cache is emptied while the process runs', async () => {
    const install = { dir: join(base, 'root-only-a/native'), name: '@scope/engine@1.0.0' };
    const before = await reachableInstall(install, stranger, NEEDS);
    await rm(cache, { recursive: true, force: true });
    expect(await reachableInstall(install, stranger, NEEDS)).toBe(before);
    expect(canAccess(join(before, 'bin/engine'), stranger, SEARCH)).toBe(true);
  });
});
