import { newDir, newFile, truncate, type FsDir, type FsFile, type FsNode } from './fs-node.ts';

/** errno-style reasons, so the SFTP layer can map them the way OpenSSH's sftp-server does. */
export type FsErrorCode = 'ENOENT' | 'ENOTDIR' | 'EEXIST' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL' | 'EACCES';

export class VirtualFsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'VirtualFsError';
  }
}

/** What the SFTP ops need from a file tree: a VirtualFs, or a logical view over one. */
export interface SftpFs {
  /** Where relative paths and REALPATH('.') point. */
  readonly home: string;
  resolve(path: string): string;
  lookup(path: string): FsNode | undefined;
  get(path: string): FsNode;
  list(path: string): Array<[string, FsNode]>;
  mkdir(path: string): void;
  rmdir(path: string): void;
  remove(path: string): void;
  rename(from: string, to: string): void;
  openFile(path: string, options: { create: boolean; exclusive: boolean; truncate: boolean }): FsFile;
}

/**
 * One user's in-memory tree. The user's root is `/` (chroot-like, as on an AWS
 * Transfer server with logical directories); relative paths resolve against `home`.
 */
export class VirtualFs implements SftpFs {
  readonly #root: FsDir;
  readonly home: string;

  constructor(home = '/', root: FsDir = newDir()) {
    this.#root = root;
    this.home = normalizePath(home, '/');
    this.#mkdirp(this.home);
  }

  /** The same tree (writes show in both) seen from another home, as a PATH user on a shared store sees it. */
  withHome(home: string): VirtualFs {
    return new VirtualFs(home, this.#root);
  }

  /** Absolute, normalised form of `path`; `..` never climbs above `/`. */
  resolve(path: string): string {
    return normalizePath(path, this.home);
  }

  lookup(path: string): FsNode | undefined {
    let node: FsNode = this.#root;
    for (const part of segments(this.resolve(path))) {
      if (node.kind !== 'dir') return undefined;
      const child: FsNode | undefined = node.children.get(part);
      if (!child) return undefined;
      node = child;
    }
    return node;
  }

  /** The node at `path`; throws ENOENT when it is missing. */
  get(path: string): FsNode {
    const node = this.lookup(path);
    if (!node) throw new VirtualFsError('ENOENT', this.resolve(path));
    return node;
  }

  /** Sorted entries of the directory at `path`. */
  list(path: string): Array<[string, FsNode]> {
    const dir = this.get(path);
    if (dir.kind !== 'dir') throw new VirtualFsError('ENOTDIR', this.resolve(path));
    return [...dir.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  mkdir(path: string): void {
    const { parent, name, full } = this.#parentOf(path);
    if (parent.children.has(name)) throw new VirtualFsError('EEXIST', full);
    parent.children.set(name, newDir());
  }

  rmdir(path: string): void {
    const { parent, name, full } = this.#parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new VirtualFsError('ENOENT', full);
    if (node.kind !== 'dir') throw new VirtualFsError('ENOTDIR', full);
    if (node.children.size > 0) throw new VirtualFsError('ENOTEMPTY', full);
    parent.children.delete(name);
  }

  remove(path: string): void {
    const { parent, name, full } = this.#parentOf(path);
    const node = parent.children.get(name);
    if (!node) throw new VirtualFsError('ENOENT', full);
    if (node.kind === 'dir') throw new VirtualFsError('EISDIR', full);
    parent.children.delete(name);
  }

  /** SFTP v3 rename: the target must not exist (OpenSSH's sftp-server refuses too). */
  rename(from: string, to: string): void {
    const source = this.#parentOf(from);
    const node = source.parent.children.get(source.name);
    if (!node) throw new VirtualFsError('ENOENT', source.full);
    const target = this.#parentOf(to);
    if (target.parent.children.has(target.name)) throw new VirtualFsError('EEXIST', target.full);
    if (node.kind === 'dir' && (target.full + '/').startsWith(source.full + '/')) {
      throw new VirtualFsError('EINVAL', target.full);
    }
    source.parent.children.delete(source.name);
    target.parent.children.set(target.name, node);
  }

  /** Opens or creates a regular file, like open(2) with O_CREAT/O_EXCL/O_TRUNC. */
  openFile(path: string, options: { create: boolean; exclusive: boolean; truncate: boolean }): FsFile {
    const { parent, name, full } = this.#parentOf(path);
    const existing = parent.children.get(name);
    if (existing) {
      if (options.create && options.exclusive) throw new VirtualFsError('EEXIST', full);
      if (existing.kind === 'dir') throw new VirtualFsError('EISDIR', full);
      if (options.truncate) truncate(existing, 0);
      return existing;
    }
    if (!options.create) throw new VirtualFsError('ENOENT', full);
    const file = newFile();
    parent.children.set(name, file);
    return file;
  }

  /** Seeds a file, creating parent directories and replacing any file already there. */
  writeFile(path: string, content: string | Uint8Array): void {
    const full = this.resolve(path);
    const parts = segments(full);
    const name = parts.pop();
    if (name === undefined) throw new VirtualFsError('EISDIR', full);
    const parent = this.#mkdirp('/' + parts.join('/'));
    if (parent.children.get(name)?.kind === 'dir') throw new VirtualFsError('EISDIR', full);
    parent.children.set(name, newFile(typeof content === 'string' ? Buffer.from(content) : content));
  }

  /** mkdir -p: creates `path` and its parents; ENOTDIR when a file is in the way. */
  ensureDir(path: string): void {
    this.#mkdirp(this.resolve(path));
  }

  #mkdirp(path: string): FsDir {
    let dir = this.#root;
    for (const part of segments(path)) {
      let child = dir.children.get(part);
      if (!child) {
        child = newDir();
        dir.children.set(part, child);
      }
      if (child.kind !== 'dir') throw new VirtualFsError('ENOTDIR', path);
      dir = child;
    }
    return dir;
  }

  #parentOf(path: string): { parent: FsDir; name: string; full: string } {
    const full = this.resolve(path);
    const parts = segments(full);
    const name = parts.pop();
    // The root has no parent: removing or renaming it fails as EINVAL would on a chroot.
    if (name === undefined) throw new VirtualFsError('EINVAL', full);
    const parent = this.lookup('/' + parts.join('/'));
    if (!parent) throw new VirtualFsError('ENOENT', full);
    if (parent.kind !== 'dir') throw new VirtualFsError('ENOTDIR', full);
    return { parent, name, full };
  }
}

function segments(absolute: string): string[] {
  return absolute.split('/').filter((part) => part !== '');
}

/** Absolute, normalised `path` (relative to `base`); `..` never climbs above `/`. */
export function normalizePath(path: string, base: string): string {
  const joined = path.startsWith('/') ? path : `${base}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
