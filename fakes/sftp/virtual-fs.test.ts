import { describe, expect, it } from 'vitest';
import { contentOf, readBytes, writeBytes, type FsFile } from './fs-node.ts';
import { VirtualFs } from './virtual-fs.ts';

describe('VirtualFs', () => {
  it('resolves relative paths against home and never climbs above /', () => {
    const fs = new VirtualFs('/inbox');
    expect(fs.resolve('.')).toBe('/inbox');
    expect(fs.resolve('a/./b/../c')).toBe('/inbox/a/c');
    expect(fs.resolve('../../../etc/passwd')).toBe('/etc/passwd');
    expect(fs.lookup('/inbox')?.kind).toBe('dir');
  });

  it('seeds files with parent directories', () => {
    const fs = new VirtualFs();
    fs.writeFile('/a/b/c.txt', 'hi');
    expect(fs.list('/a').map(([name]) => name)).toEqual(['b']);
    expect(contentOf(fs.get('/a/b/c.txt') as FsFile).toString()).toBe('hi');
  });

  it('fails like POSIX: missing parent, existing target, non-empty rmdir, remove of a directory', () => {
    const fs = new VirtualFs();
    fs.writeFile('/d/f', 'x');
    expect(() => fs.mkdir('/missing/x')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => fs.mkdir('/d')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => fs.rmdir('/d')).toThrow(expect.objectContaining({ code: 'ENOTEMPTY' }));
    expect(() => fs.remove('/d')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    expect(() => fs.rename('/d', '/d/inner')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => fs.rmdir('/')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
  });

  it('renames directories with their content', () => {
    const fs = new VirtualFs();
    fs.writeFile('/d/f', 'x');
    fs.rename('/d', '/e');
    expect(fs.lookup('/d')).toBeUndefined();
    expect(fs.lookup('/e/f')?.kind).toBe('file');
  });

  it('opens with O_CREAT/O_EXCL/O_TRUNC semantics', () => {
    const fs = new VirtualFs();
    const created = fs.openFile('/f', { create: true, exclusive: false, truncate: false });
    writeBytes(created, 0, Buffer.from('hello'));
    expect(() => fs.openFile('/f', { create: true, exclusive: true, truncate: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.openFile('/f', { create: false, exclusive: false, truncate: true }).size).toBe(0);
    expect(() => fs.openFile('/nope', { create: false, exclusive: false, truncate: false })).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});

describe('file bytes', () => {
  it('writes at offsets, zero-fills gaps and reports EOF', () => {
    const fs = new VirtualFs();
    const file = fs.openFile('/f', { create: true, exclusive: false, truncate: false });
    writeBytes(file, 3, Buffer.from('abc'));
    expect(contentOf(file)).toEqual(Buffer.from([0, 0, 0, 97, 98, 99]));
    expect(readBytes(file, 4, 100)?.toString()).toBe('bc');
    expect(readBytes(file, 6, 1)).toBeUndefined();
  });
});
