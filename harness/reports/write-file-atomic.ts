import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files being written now, so a forced exit can remove them (see removeUnfinishedWrites). */
const unfinished = new Set<string>();

/** Pieces are gathered up to this size before each write: few system calls, little memory. */
const WRITE_BATCH_CHARS = 64 * 1024;

/**
 * Writes `path` so that a reader (or an interrupted run) sees the previous file or the complete
 * new one, never a part: the content goes to a temp file in the same folder, is flushed, then
 * renamed over `path` (rename is atomic within one file system). Content given as pieces is
 * written as they come, so a large report never exists as one string.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  unfinished.add(temp);
  try {
    const file = await open(temp, 'w', 0o644);
    try {
      if (typeof content === 'string') await file.writeFile(content);
      else await writePieces(file, content);
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

async function writePieces(file: FileHandle, pieces: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size < WRITE_BATCH_CHARS) continue;
    await writeAll(file, batch.join(''));
    batch = [];
    size = 0;
  }
  if (size > 0) await writeAll(file, batch.join(''));
}

/** One write may take fewer bytes than given: the rest follows until all are written. */
async function writeAll(file: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset)).bytesWritten;
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
