import { mkdtempSync, rmSync } from 'node:fs';
import { chmod, chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { accessorOf, type EngineUser } from './engine-user.ts';
import { ENGINE_DIR_ENV, engineWorkBase } from './engine-work-base.ts';
import { onProcessExit } from '../../core/process/index.ts';
import { describeMode, firstBlockingDir } from './path-access.ts';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

export const WORK_DIR_PREFIX = 'partner-harness-db-';

/**
 * One fake's private tree under engineWorkBase() (/dev/shm or os.tmpdir()):
 *   <root>/        0755, ours: the engine user must traverse it
 *   <root>/data/   0700, the engine user's: the data directory
 *   <root>/conf/   0700, the engine user's: pg_hba.conf, TLS key, sockets, pid file
 */
export class WorkDir {
  #unregisterExitCleanup: () => void = () => undefined;

  private constructor(
    readonly root: string,
    readonly user: EngineUser,
  ) {}

  static async create(user: EngineUser): Promise<WorkDir> {
    const base = engineWorkBase();
    assertEngineCanEnter(base, user);
    // The exit hook is in place before the folder exists, and the folder is made synchronously:
    // a signal (handled once this code yields) always finds the path, even one that comes
    // before the engine and its own cleanup exist. No hook, no handler: SIGTERM would just kill.
    let dir: WorkDir | undefined;
    const unregister = onProcessExit(() => dir?.removeSync());
    dir = new WorkDir(mkdtempSync(join(base, WORK_DIR_PREFIX)), user);
    dir.#unregisterExitCleanup = unregister;
    try {
      await chmod(dir.root, 0o755);
      await dir.#privateDir('data');
      await dir.#privateDir('conf');
    } catch (error) {
      await dir.remove();
      throw error;
    }
    return dir;
  }

  get data(): string {
    return join(this.root, 'data');
  }

  conf(file: string): string {
    return join(this.root, 'conf', file);
  }

  /** Writes a file the engine user owns and only it can read. */
  async writePrivate(path: string, content: string): Promise<void> {
    await writeFile(path, content, { mode: 0o600 });
    await this.giveToEngine(path);
  }

  async giveToEngine(path: string): Promise<void> {
    if (this.user.uid !== undefined && this.user.gid !== undefined) await chown(path, this.user.uid, this.user.gid);
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true, maxRetries: 3 });
    this.#unregisterExitCleanup();
  }

  /** For the process 'exit' hook, where nothing asynchronous runs. Retries while a just-killed engine still writes. */
  removeSync(): void {
    rmSync(this.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    this.#unregisterExitCleanup();
  }

  async #privateDir(name: string): Promise<void> {
    const path = join(this.root, name);
    await mkdir(path, { mode: 0o700 });
    await this.giveToEngine(path);
  }
}

/** The engine runs as another user; a 0700 TMPDIR (or parent) makes initdb fail with "Permission denied". */
function assertEngineCanEnter(dir: string, user: EngineUser): void {
  const who = accessorOf(user);
  const blocking = who && firstBlockingDir(join(dir, WORK_DIR_PREFIX), who);
  if (blocking) {
    throw new RuntimeUnavailableError(`database fakes run the engine as the non-root OS user '${user.name}', which cannot enter ${blocking} (${describeMode(blocking)}); set ${ENGINE_DIR_ENV} (or TMPDIR) to a world-traversable directory such as /tmp`);
  }
}
