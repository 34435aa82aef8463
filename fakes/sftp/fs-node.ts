import type { Attributes } from 'ssh2';

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

export interface FsFile {
  kind: 'file';
  /** Backing store; only the first `size` bytes are content. It grows by doubling so chunked uploads stay linear. */
  bytes: Buffer;
  size: number;
  /** Permission bits only (e.g. 0o644); the type bits are added when reporting. */
  perm: number;
  atime: number;
  mtime: number;
}

export interface FsDir {
  kind: 'dir';
  children: Map<string, FsNode>;
  perm: number;
  atime: number;
  mtime: number;
}

export type FsNode = FsFile | FsDir;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function newDir(): FsDir {
  const now = nowSeconds();
  return { kind: 'dir', children: new Map(), perm: 0o755, atime: now, mtime: now };
}

export function newFile(content: Uint8Array = new Uint8Array()): FsFile {
  const now = nowSeconds();
  return { kind: 'file', bytes: Buffer.from(content), size: content.length, perm: 0o644, atime: now, mtime: now };
}

/** The file's content as a copy, so callers cannot change the tree behind our back. */
export function contentOf(file: FsFile): Buffer {
  return Buffer.from(file.bytes.subarray(0, file.size));
}

/** Up to `length` bytes from `offset`, or undefined at or past end of file. */
export function readBytes(file: FsFile, offset: number, length: number): Buffer | undefined {
  if (offset >= file.size) return undefined;
  file.atime = nowSeconds();
  return Buffer.from(file.bytes.subarray(offset, Math.min(file.size, offset + length)));
}

/** Writes at `offset`; a gap past the end reads back as zeros, as on a POSIX file. */
export function writeBytes(file: FsFile, offset: number, data: Uint8Array): void {
  const end = offset + data.length;
  ensureCapacity(file, end);
  file.bytes.set(data, offset);
  file.size = Math.max(file.size, end);
  file.mtime = nowSeconds();
}

export function truncate(file: FsFile, size: number): void {
  if (size > file.size) {
    ensureCapacity(file, size);
  } else {
    file.bytes.fill(0, size, file.size);
  }
  file.size = size;
  file.mtime = nowSeconds();
}

function ensureCapacity(file: FsFile, needed: number): void {
  if (needed <= file.bytes.length) return;
  const grown = Buffer.alloc(Math.max(needed, file.bytes.length * 2, 4096));
  file.bytes.copy(grown, 0, 0, file.size);
  file.bytes = grown;
}

export function attrsOf(node: FsNode): Attributes {
  return {
    mode: (node.kind === 'dir' ? S_IFDIR : S_IFREG) | node.perm,
    uid: 1000,
    gid: 1000,
    size: node.kind === 'dir' ? 4096 : node.size,
    atime: node.atime,
    mtime: node.mtime,
  };
}

/** Applies SETSTAT attributes we can honour: size, permission bits and times. */
export function applyAttrs(node: FsNode, attrs: Partial<Attributes>): void {
  if (typeof attrs.size === 'number' && node.kind === 'file') truncate(node, attrs.size);
  if (typeof attrs.mode === 'number') node.perm = attrs.mode & 0o7777;
  if (typeof attrs.atime === 'number') node.atime = attrs.atime;
  if (typeof attrs.mtime === 'number') node.mtime = attrs.mtime;
}
