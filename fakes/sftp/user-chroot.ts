import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { OsUser } from './os-users.ts';

/**
 * One user's tree on disk for sshd's ChrootDirectory. sshd insists the chroot itself is
 * root-owned and not writable by anyone else, so `/` is read-only for the user; the home
 * directory and every seeded directory and file below it belong to the user.
 */
export class UserChroot {
  /** The user's files as stop() found them, kept because the chroot is deleted then. */
  #frozen?: Map<string, Buffer>;

  constructor(
    /** The chroot directory on the host. */
    readonly root: string,
    /** The user's home inside the chroot ('/' or e.g. '/inbox'). */
    readonly home: string,
  ) {}

  async create(owner: OsUser, files: Record<string, string | Uint8Array>): Promise<void> {
    await mkdir(this.root, { mode: 0o755 });
    await this.#mkdirs(this.home, owner);
    for (const [path, content] of Object.entries(files)) {
      const inside = this.#resolve(path);
      await this.#mkdirs(posix.dirname(inside), owner);
      const host = join(this.root, inside);
      await writeFile(host, content, { mode: 0o644 });
      await chown(host, owner.uid, owner.gid);
    }
  }

  /**
   * A file as the user left it, or undefined. Symlinks are resolved and must stay inside the
   * chroot: the user may have created one pointing at, say, the host's /etc/shadow.
   */
  readFile(path: string): Buffer | undefined {
    if (this.#frozen) return this.#frozen.get(this.#resolve(path));
    try {
      const real = realpathSync(join(this.root, this.#resolve(path)));
      const root = realpathSync(this.root);
      if (real !== root && !real.startsWith(`${root}/`)) return undefined;
      return statSync(real).isFile() ? readFileSync(real) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Copies every regular file into memory, so readFile() keeps working after the chroot is gone. */
  freeze(): void {
    const files = new Map<string, Buffer>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(this.root, dir), { withFileTypes: true })) {
        const path = posix.join(dir, entry.name);
        // Symlinks are skipped, not followed: they may point out of the chroot.
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) files.set(path, readFileSync(join(this.root, path)));
      }
    };
    try {
      walk('/');
    } finally {
      this.#frozen = files;
    }
  }

  /** Relative paths start at the home directory; `..` never climbs above `/`. */
  #resolve(path: string): string {
    return posix.resolve(this.home, path);
  }

  /** Creates the missing directories of `dir` (below the root) owned by the user. */
  async #mkdirs(dir: string, owner: OsUser): Promise<void> {
    let current = '';
    for (const part of dir.split('/').filter(Boolean)) {
      current = `${current}/${part}`;
      const host = join(this.root, current);
      const made = await mkdir(host, { mode: 0o755 }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      );
      if (made) await chown(host, owner.uid, owner.gid);
    }
  }
}
