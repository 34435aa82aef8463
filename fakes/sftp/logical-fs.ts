import { newDir, type FsFile, type FsNode } from './fs-node.ts';
import { normalizePath, VirtualFsError, type SftpFs, type VirtualFs } from './virtual-fs.ts';

/** One logical directory: what the user sees at `entry` is the store at `target` (both normalised). */
export interface LogicalMapping {
  entry: string;
  target: string;
}

/**
 * A LOGICAL home directory: the user is chrooted into a tree made of Entry → Target mappings over
 * the shared store. A path resolves through the longest Entry that is a prefix of it; directories
 * above an Entry (and an Entry whose Target is missing) exist only in the user's view.
 */
export class LogicalFs implements SftpFs {
  readonly home = '/';
  readonly #store: VirtualFs;
  /** Longest Entry first, so the first match is the one that wins. */
  readonly #mappings: LogicalMapping[];

  constructor(store: VirtualFs, mappings: readonly LogicalMapping[]) {
    this.#store = store;
    this.#mappings = [...mappings].sort((a, b) => b.entry.length - a.entry.length);
    // Inferred: S3 prefixes exist implicitly, so a missing Target is created as a directory (a
    // Target that is a file stays a file: Transfer lets an Entry map a single object).
    for (const { target } of this.#mappings) if (!store.lookup(target)) store.ensureDir(target);
  }

  resolve(path: string): string {
    return normalizePath(path, this.home);
  }

  lookup(path: string): FsNode | undefined {
    const logical = this.resolve(path);
    const storePath = this.#toStore(logical);
    const node = storePath === undefined ? undefined : this.#store.lookup(storePath);
    if (this.#isAboveEntry(logical) && node?.kind !== 'dir') return newDir();
    return node;
  }

  get(path: string): FsNode {
    const node = this.lookup(path);
    if (!node) throw new VirtualFsError('ENOENT', this.resolve(path));
    return node;
  }

  /** The Target's contents plus the Entries one level down, which shadow stored names. */
  list(path: string): Array<[string, FsNode]> {
    const logical = this.resolve(path);
    if (this.get(logical).kind !== 'dir') throw new VirtualFsError('ENOTDIR', logical);
    const storePath = this.#toStore(logical);
    const entries = new Map<string, FsNode>();
    if (storePath !== undefined && this.#store.lookup(storePath)?.kind === 'dir') {
      for (const [name, node] of this.#store.list(storePath)) entries.set(name, node);
    }
    for (const name of this.#entriesBelow(logical)) entries.set(name, this.get(join(logical, name)));
    return [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  mkdir(path: string): void {
    const logical = this.resolve(path);
    if (this.#isMapped(logical)) throw new VirtualFsError('EEXIST', logical);
    this.#store.mkdir(this.#writable(logical));
  }

  rmdir(path: string): void {
    this.#store.rmdir(this.#removable(this.resolve(path)));
  }

  remove(path: string): void {
    this.#store.remove(this.#removable(this.resolve(path)));
  }

  rename(from: string, to: string): void {
    this.#store.rename(this.#removable(this.resolve(from)), this.#removable(this.resolve(to)));
  }

  openFile(path: string, options: { create: boolean; exclusive: boolean; truncate: boolean }): FsFile {
    const logical = this.resolve(path);
    if (this.#isAboveEntry(logical)) throw new VirtualFsError('EISDIR', logical);
    return this.#store.openFile(this.#writable(logical), options);
  }

  #toStore(logical: string): string | undefined {
    for (const { entry, target } of this.#mappings) {
      if (logical === entry) return target;
      if (logical.startsWith(entry === '/' ? '/' : `${entry}/`)) return normalizePath(logical.slice(entry.length).replace(/^\/+/, ''), target);
    }
    return undefined;
  }

  /** True for an Entry or a directory that leads to one: these are the user's view, not stored paths. */
  #isMapped(logical: string): boolean {
    return this.#mappings.some(({ entry }) => entry === logical) || this.#isAboveEntry(logical);
  }

  #isAboveEntry(logical: string): boolean {
    return this.#entriesBelow(logical).size > 0;
  }

  /** First path segments of the Entries strictly below `logical`. */
  #entriesBelow(logical: string): Set<string> {
    const prefix = logical === '/' ? '/' : `${logical}/`;
    const names = new Set<string>();
    for (const { entry } of this.#mappings) {
      if (entry !== logical && entry.startsWith(prefix)) names.add(entry.slice(prefix.length).split('/')[0]!);
    }
    return names;
  }

  /** Where a write goes; outside every Entry there is nowhere to write. */
  #writable(logical: string): string {
    const storePath = this.#toStore(logical);
    if (storePath === undefined) throw new VirtualFsError('EACCES', logical);
    return storePath;
  }

  /** Mappings themselves cannot be removed or renamed, only what is stored under them. */
  #removable(logical: string): string {
    if (this.#isMapped(logical)) throw new VirtualFsError('EACCES', logical);
    return this.#writable(logical);
  }
}

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}
