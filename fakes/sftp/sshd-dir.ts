import { rmSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

export const SSHD_DIR_PREFIX = 'partner-harness-sftp-';

/**
 * sshd refuses a ChrootDirectory with any path component that is not root-owned or is writable
 * by group or others, which rules out os.tmpdir() (/tmp is 1777). /run is root's tmpfs.
 */
const BASES = ['/run', '/var/lib'];

/**
 * One sshd instance's private tree:
 *   <root>/                 0755 root: sshd_config, banner, sshd.pid
 *   <root>/host-keys/       0700 root: one private key per type, 0600
 *   <root>/authorized-keys/ 0755 root: one file per user (public keys only), 0644
 *   <root>/chroot/<user>/   0755 root: the user's ChrootDirectory
 */
export class SshdDir {
  private constructor(readonly root: string) {}

  static async create(): Promise<SshdDir> {
    const base = BASES.find(isSafeChrootParent);
    if (!base) throw new RuntimeUnavailableError(`SftpFake (process): none of ${BASES.join(', ')} is a root-owned directory without group/other write access, which sshd's ChrootDirectory requires`);
    const root = await mkdtemp(join(base, SSHD_DIR_PREFIX));
    await chmod(root, 0o755);
    const dir = new SshdDir(root);
    await mkdir(dir.hostKeysDir, { mode: 0o700 });
    await mkdir(dir.authorizedKeysDir, { mode: 0o755 });
    await mkdir(dir.chrootDir, { mode: 0o755 });
    return dir;
  }

  get hostKeysDir(): string {
    return join(this.root, 'host-keys');
  }

  get authorizedKeysDir(): string {
    return join(this.root, 'authorized-keys');
  }

  get chrootDir(): string {
    return join(this.root, 'chroot');
  }

  file(name: string): string {
    return join(this.root, name);
  }

  async write(path: string, content: string, mode: number): Promise<void> {
    await writeFile(path, content, { mode });
    // writeFile's mode is subject to the umask and ignored for existing files.
    await chmod(path, mode);
  }

  remove(): Promise<void> {
    return rm(this.root, { recursive: true, force: true, maxRetries: 3 });
  }

  /** For the process 'exit' hook, where nothing asynchronous runs. */
  removeSync(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

function isSafeChrootParent(dir: string): boolean {
  try {
    for (let current = dir; ; current = join(current, '..')) {
      const stat = statSync(current);
      if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) return false;
      if (current === '/') return true;
    }
  } catch {
    return false;
  }
}
