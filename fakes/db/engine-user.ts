import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Accessor } from './path-access.ts';
import { FakeStartError } from '../../core/errors/index.ts';

const run = promisify(execFile);

/** The OS identity an engine runs as; undefined fields mean "as ourselves". */
export interface EngineUser {
  name: string;
  uid?: number;
  gid?: number;
}

/** The ids the kernel checks the engine's file access against; undefined when it runs as ourselves. */
export function accessorOf(user: EngineUser): Accessor | undefined {
  return user.uid === undefined || user.gid === undefined ? undefined : { uid: user.uid, gid: user.gid };
}

/**
 * Created once when none of an engine's usual users exists, and kept: removing it would race
 * with other fakes still using it, and a system user without a home or shell is harmless.
 */
export const FALLBACK_USER = 'partner-harness';

/**
 * Postgres and mariadbd refuse to run as root, so as root we pick the first existing user of
 * `candidates` (e.g. 'postgres', 'mysql'), else create FALLBACK_USER with useradd --system.
 * As anyone else we run the engine as ourselves.
 */
export async function resolveEngineUser(candidates: readonly string[]): Promise<EngineUser> {
  if (process.getuid?.() !== 0) return { name: 'self' };
  for (const name of [...candidates, FALLBACK_USER]) {
    const ids = await lookupIds(name);
    if (ids) return { name, ...ids };
  }
  try {
    await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', FALLBACK_USER]);
  } catch (error) {
    // Another fake may have created it a moment ago.
    if (!(await lookupIds(FALLBACK_USER))) {
      throw new FakeStartError(`cannot create OS user '${FALLBACK_USER}' to run the database engine as non-root: ${(error as Error).message}`, { cause: error });
    }
  }
  const ids = await lookupIds(FALLBACK_USER);
  if (!ids) throw new Error(`OS user '${FALLBACK_USER}' was created but 'id' does not find it`);
  return { name: FALLBACK_USER, ...ids };
}

async function lookupIds(name: string): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}
