import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files being written now, so a forced exit can remove them (see removeUnfinishedWrites). */
const unfinished = new Set<string>();

/**
 * Writes `path` so that a reader (or an interrupted run) sees the previous file or the complete
 * new one, never a part: the content goes to a temp file in the same folder, is flushed, then
 * renamed over `path` (rename is atomic within one file system).
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  unfinished.add(temp);
  try {
    const file = await open(temp, 'w', 0o644);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    unfinished.delete(temp);
  }
}

/** For an exit that cannot wait: removes the temp files of writes still in progress. */
export function removeUnfinishedWrites(): void {
  for (const temp of unfinished) {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already renamed.
    }
  }
  unfinished.clear();
}
