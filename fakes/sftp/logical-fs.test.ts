import { describe, expect, it } from 'vitest';
import { contentOf, type FsFile } from './fs-node.ts';
import { LogicalFs } from './logical-fs.ts';
import { VirtualFs } from './virtual-fs.ts';

function store(): VirtualFs {
  const fs = new VirtualFs();
  fs.writeFile('/bucket/home/lara/a.txt', 'a');
  fs.writeFile('/bucket/home/lara/reports/shadowed.txt', 'hidden by the /reports Entry');
  fs.writeFile('/bucket/shared/reports/q1.csv', 'q1');
  fs.writeFile('/bucket/deep/x.txt', 'x');
  fs.writeFile('/bucket/files/terms.pdf', 'pdf');
  return fs;
}

const text = (fs: LogicalFs, path: string) => contentOf(fs.get(path) as FsFile).toString();

describe('LogicalFs', () => {
  it('resolves through the longest Entry and lists Entries as directories', () => {
    const fs = new LogicalFs(store(), [
      { entry: '/', target: '/bucket/home/lara' },
      { entry: '/reports', target: '/bucket/shared/reports' },
      { entry: '/a/b/deep', target: '/bucket/deep' },
      { entry: '/terms.pdf', target: '/bucket/files/terms.pdf' },
    ]);
    expect(fs.list('/').map(([name]) => name)).toEqual(['a', 'a.txt', 'reports', 'terms.pdf']);
    expect(fs.list('/reports').map(([name]) => name)).toEqual(['q1.csv']);
    expect(text(fs, '/a/b/deep/x.txt')).toBe('x');
    expect(text(fs, '/terms.pdf')).toBe('pdf');
    expect(fs.get('/a/b').kind).toBe('dir');
    expect(fs.lookup('/../bucket')).toBeUndefined();
  });

  it('writes into the store and protects the mappings themselves', () => {
    const backing = store();
    const fs = new LogicalFs(backing, [{ entry: '/in', target: '/bucket/new/inbox' }]);
    expect(backing.lookup('/bucket/new/inbox')?.kind).toBe('dir'); // a missing Target is created
    fs.openFile('/in/f.txt', { create: true, exclusive: false, truncate: false });
    expect(backing.lookup('/bucket/new/inbox/f.txt')?.kind).toBe('file');
    expect(fs.list('/').map(([name]) => name)).toEqual(['in']);
    expect(() => fs.openFile('/outside.txt', { create: true, exclusive: false, truncate: false })).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => fs.rmdir('/in')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => fs.rename('/in/f.txt', '/in')).toThrow(expect.objectContaining({ code: 'EACCES' }));
    expect(() => fs.mkdir('/in')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => fs.get('/nowhere')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });
});
