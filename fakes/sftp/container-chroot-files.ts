import { spawn, spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import { CONTAINER_CHROOT_DIR } from './sshd-container-bundle.ts';
import type { SftpUser } from './sftp-user.ts';
import { InvalidOptionError, RuntimeUnavailableError } from '../../core/errors/index.ts';

// Resolves symlinks inside the container and refuses anything outside the user's chroot.
const READ_SCRIPT = 'real=$(realpath -e -- "$2") || exit 3; case "$real" in "$1"|"$1"/*) ;; *) exit 3;; esac; [ -f "$real" ] || exit 3; exec cat -- "$real"';

/**
 * The users' trees inside the container, read with `docker exec` (the docker CLI must be on
 * PATH: readFile() is synchronous and the Engine API's exec needs a hijacked stream). stop()
 * first copies every regular file out (tar), so readFile() keeps working after the container is gone.
 */
export class ContainerChrootFiles {
  #frozen?: Map<string, Buffer>;

  constructor(
    private readonly containerId: string,
    private readonly users: ReadonlyMap<string, SftpUser>,
  ) {}

  readFile(user: string, path: string): Buffer | undefined {
    const home = this.users.get(user)?.home;
    if (home === undefined) throw new InvalidOptionError(`SftpFake: no user '${user}'; configured: ${[...this.users.keys()].join(', ') || '(none)'}`);
    const inside = posix.resolve(home, path);
    if (this.#frozen) return this.#frozen.get(`${user}${inside}`);
    const root = `${CONTAINER_CHROOT_DIR}/${user}`;
    const result = spawnSync('docker', ['exec', this.containerId, 'sh', '-c', READ_SCRIPT, 'sh', root, `${root}${inside}`], { maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw new RuntimeUnavailableError(`SftpFake (container): readFile needs the docker CLI on PATH (${result.error.message})`);
    return result.status === 0 ? result.stdout : undefined;
  }

  /** Copies every regular file of every chroot into memory (symlinks are skipped, not followed). */
  async freeze(): Promise<void> {
    if (this.#frozen) return;
    const files = new Map<string, Buffer>();
    try {
      const archive = await run('docker', ['exec', this.containerId, 'tar', '--format=ustar', '-C', CONTAINER_CHROOT_DIR, '-cf', '-', '.']);
      for (const { name, content } of regularFiles(archive)) files.set(posix.normalize(name.replace(/^\.\//, '')), content);
    } finally {
      this.#frozen = files;
    }
  }
}

function run(command: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** The regular files of a ustar archive: 512-byte headers (name, octal size, type flag, prefix), data padded to 512. */
function* regularFiles(tar: Buffer): Generator<{ name: string; content: Buffer }> {
  const text = (from: number, length: number) => tar.toString('utf8', from, from + length).replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = text(offset, 100);
    if (name === '') return;
    const size = parseInt(text(offset + 124, 12).trim() || '0', 8);
    const type = text(offset + 156, 1);
    const prefix = text(offset + 345, 155);
    if (type === '0' || type === '') yield { name: prefix ? `${prefix}/${name}` : name, content: tar.subarray(offset + 512, offset + 512 + size) };
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
