import type { FileEntry } from 'ssh2';
import type { FsFile } from '../fs-node.ts';

export interface FileHandle {
  kind: 'file';
  path: string;
  /** Held by reference, like an inode: a rename while open keeps writing to the same file. */
  file: FsFile;
  readable: boolean;
  writable: boolean;
  append: boolean;
  /** Totals reported when the handle closes, instead of one transcript entry per chunk. */
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
}

export interface DirHandle {
  kind: 'dir';
  path: string;
  /** Snapshot taken at OPENDIR, handed out in READDIR batches. */
  pending: FileEntry[];
}

export type OpenHandle = FileHandle | DirHandle;

/** One SFTP session's open handles; a handle on the wire is a 4-byte id. */
export class HandleTable {
  #nextId = 1;
  readonly #open = new Map<number, OpenHandle>();

  add(handle: OpenHandle): Buffer {
    const id = this.#nextId++;
    this.#open.set(id, handle);
    const wire = Buffer.alloc(4);
    wire.writeUInt32BE(id);
    return wire;
  }

  get(wire: Buffer): OpenHandle | undefined {
    return wire.length === 4 ? this.#open.get(wire.readUInt32BE()) : undefined;
  }

  delete(wire: Buffer): OpenHandle | undefined {
    const handle = this.get(wire);
    if (handle) this.#open.delete(wire.readUInt32BE());
    return handle;
  }

  get size(): number {
    return this.#open.size;
  }
}
