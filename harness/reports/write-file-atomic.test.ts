import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-file-atomic.ts';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-atomic-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temp file behind', async () => {
    const path = join(dir, 'junit.xml');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['junit.xml']);
  });

  it('swaps in a complete new file (a new inode), never rewriting the one readers may have open', async () => {
    const path = join(dir, 'report.json');
    await writeFileAtomic(path, '{"first":true}');
    const before = await stat(path);
    const reader = await open(path, 'r');
    await writeFileAtomic(path, JSON.stringify({ data: 'x'.repeat(100_000) }));
    // A reader that opened the file before the write still reads the old, complete content.
    expect(await reader.readFile('utf8')).toBe('{"first":true}');
    await reader.close();
    expect((await stat(path)).ino).not.toBe(before.ino);
  });

  it('writes content given as pieces, across write batches and multi-byte characters', async () => {
    const path = join(dir, 'report.html');
    const pieces = Array.from({ length: 5_000 }, (_, index) => `${index}: ü € 😀\n`);
    await writeFileAtomic(path, pieces);
    expect(await readFile(path, 'utf8')).toBe(pieces.join(''));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('removes its temp file when the write fails', async () => {
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'x.json'), '{}')).rejects.toThrow(/ENOENT/);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
