import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCanExecute, canAccess, firstBlockingDir, hasPermission, READ, SEARCH } from './path-access.ts';

const DIR = 0o040000;
const FILE = 0o100000;
const OWNER = { uid: 1000, gid: 1000 };
const GROUP_MEMBER = { uid: 2000, gid: 1000 };
const OTHER = { uid: 3000, gid: 3000 };
const ROOT = { uid: 0, gid: 0 };

describe('hasPermission', () => {
  it.each([
    ['owner of a 0700 dir', DIR | 0o700, OWNER, true],
    ['group member of a 0700 dir', DIR | 0o700, GROUP_MEMBER, false],
    ['other on a 0700 dir', DIR | 0o700, OTHER, false],
    ['group member of a 0710 dir', DIR | 0o710, GROUP_MEMBER, true],
    ['other on a 0711 dir', DIR | 0o711, OTHER, true],
    ['other on a 0755 dir', DIR | 0o755, OTHER, true],
    // The owner's bits alone apply to the owner, even when the others' would let it in.
    ['owner of a 0077 dir', DIR | 0o077, OWNER, false],
    ['group member of a 0707 dir', DIR | 0o707, GROUP_MEMBER, false],
    ['root on a 0000 dir', DIR | 0o000, ROOT, true],
    ['root on a 0644 file', FILE | 0o644, ROOT, false],
    ['root on a 0700 file', FILE | 0o700, ROOT, true],
  ])('search/execute: %s → %s', (_, mode, who, expected) => {
    expect(hasPermission({ mode, uid: 1000, gid: 1000 }, who, SEARCH)).toBe(expected);
  });

  it('reads by the same rule', () => {
    expect(hasPermission({ mode: FILE | 0o640, uid: 1000, gid: 1000 }, GROUP_MEMBER, READ)).toBe(true);
    expect(hasPermission({ mode: FILE | 0o640, uid: 1000, gid: 1000 }, OTHER, READ)).toBe(false);
    expect(hasPermission({ mode: FILE | 0o000, uid: 1000, gid: 1000 }, ROOT, READ)).toBe(true);
  });
});

describe('firstBlockingDir and canAccess', () => {
  const me = { uid: process.getuid!(), gid: process.getgid!() };
  const stranger = { uid: me.uid + 54321, gid: me.gid + 54321 };
  let base: string;
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'ph-path-access-'));
    await chmod(base, 0o755);
    // base/open (0755)/tool (0755); base/closed (0700)/inner (0755)/tool (0755); base/link -> closed/inner
    for (const dir of ['open', 'closed', 'closed/inner']) await mkdir(join(base, dir));
    await chmod(join(base, 'open'), 0o755);
    await chmod(join(base, 'closed'), 0o700);
    await chmod(join(base, 'closed/inner'), 0o755);
    for (const file of ['open/tool', 'closed/inner/tool']) await writeFile(join(base, file), '#!/bin/sh\n', { mode: 0o755 });
    await writeFile(join(base, 'open/data'), 'x', { mode: 0o600 });
    await symlink(join(base, 'closed/inner'), join(base, 'link'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('names the first directory another user may not enter', () => {
    expect(firstBlockingDir(join(base, 'closed/inner/tool'), stranger)).toBe(join(base, 'closed'));
    expect(firstBlockingDir(join(base, 'open/tool'), stranger)).toBeUndefined();
    expect(firstBlockingDir(join(base, 'closed/inner/tool'), me)).toBeUndefined();
  });

  it('follows a symlink to where the kernel would go', () => {
    expect(firstBlockingDir(join(base, 'link/tool'), stranger)).toBe(join(base, 'closed'));
  });

  it('walks a path that does not exist as far as it goes', () => {
    expect(firstBlockingDir(join(base, 'open/missing'), stranger)).toBeUndefined();
    expect(firstBlockingDir(join(base, 'closed/missing/deeper'), stranger)).toBe(join(base, 'closed'));
    expect(canAccess(join(base, 'open/missing'), stranger, SEARCH)).toBe(false);
  });

  it('checks the file itself after the directories', () => {
    expect(canAccess(join(base, 'open/tool'), stranger, SEARCH)).toBe(true);
    expect(canAccess(join(base, 'open/data'), stranger, READ)).toBe(false);
    expect(canAccess(join(base, 'open/data'), me, READ)).toBe(true);
    expect(canAccess(join(base, 'closed/inner/tool'), stranger, SEARCH)).toBe(false);
  });

  it('explains what stops an engine user', () => {
    expect(() => assertCanExecute([join(base, 'open/tool'), join(base, 'closed/inner/tool')], stranger, "PostgresFake: OS user 'x'")).toThrow(
      `PostgresFake: OS user 'x' cannot execute ${join(base, 'closed/inner/tool')}: ${join(base, 'closed')} has mode 700, owner uid ${me.uid}; install it where other users can run it`,
    );
    expect(() => assertCanExecute([join(base, 'open/tool')], stranger, 'x')).not.toThrow();
  });
});
