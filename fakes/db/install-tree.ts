import { createHash } from 'node:crypto';
import { chmod, copyFile, link, lstat, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * A digest of a tree's shape: every entry's relative path, type, size, mode and symlink target.
 * File contents are not read (60 MB for Postgres); with the package version beside it in the cache
 * key, a changed or reinstalled tree still gets a new entry whenever a size or a mode changes.
 */
export async function treeDigest(root: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const stats = await lstat(path);
      // As copied: an absolute link into the tree counts as the relative one the copy will have.
      const target = stats.isSymbolicLink() ? relink(await readlink(path), path, root) : '';
      hash.update(`${relative(root, path)}\0${stats.mode.toString(8)}\0${stats.isFile() ? stats.size : 0}\0${target}\n`);
      if (stats.isDirectory()) await walk(path);
    }
  };
  await walk(root);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Recreates the tree `from` at `to` (which must not exist) so that anyone may use it: directories
 * 0755, files 0755 when someone could execute them, else 0644. Files are hardlinked when `to` is on
 * the same filesystem and the shared inode already grants others that much (a link shares the
 * mode, and we do not loosen files in the original tree); otherwise copied. Relative symlinks are
 * kept; absolute ones into the tree are made relative, so they point into the copy.
 */
export async function copyTreeForOthers(from: string, to: string): Promise<void> {
  const state = { hardlinks: true };
  const walk = async (src: string, dst: string): Promise<void> => {
    await mkdir(dst);
    await chmod(dst, 0o755);
    for (const entry of await readdir(src, { withFileTypes: true })) {
      const source = join(src, entry.name);
      const target = join(dst, entry.name);
      if (entry.isDirectory()) await walk(source, target);
      else if (entry.isSymbolicLink()) await symlink(relink(await readlink(source), source, from), target);
      else if (entry.isFile()) await placeFile(source, target, state);
    }
  };
  await walk(from, to);
}

function relink(linkTarget: string, linkPath: string, root: string): string {
  if (!isAbsolute(linkTarget) || !(linkTarget === root || linkTarget.startsWith(root + sep))) return linkTarget;
  return relative(dirname(linkPath), linkTarget) || '.';
}

async function placeFile(source: string, target: string, state: { hardlinks: boolean }): Promise<void> {
  const { mode } = await stat(source);
  const wanted = mode & 0o111 ? 0o755 : 0o644;
  if (state.hardlinks && (mode & wanted & 0o007) === (wanted & 0o007)) {
    try {
      await link(source, target);
      return;
    } catch (error) {
      // EXDEV: another filesystem; EPERM: e.g. fs.protected_hardlinks or a filesystem without links.
      if (!['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      state.hardlinks = false;
    }
  }
  await copyFile(source, target);
  await chmod(target, wanted);
}
