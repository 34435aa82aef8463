import { randomBytes } from 'node:crypto';
import ssh2, { type FileEntryWithStats, type SFTPWrapper, type Stats } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftpFake } from './sftp-fake.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { call, connectSsh, openSftp } from './ssh-test-client.ts';

const { STATUS_CODE, OPEN_MODE } = ssh2.utils.sftp;
const PASSWORD = 'ops-test-password';

describe('SftpFake SFTP operations', () => {
  let fake: StartedSftpFake;
  let sftp: SFTPWrapper;
  let end: () => void;

  beforeAll(async () => {
    fake = await new SftpFake()
      .withUser('alice', { password: PASSWORD, files: { 'seed/hello.txt': 'hello', 'seed/bin.dat': new Uint8Array([0, 1, 2]) } })
      .withUser('carol', { password: PASSWORD, home: '/inbox', files: { 'note.txt': 'for carol' } })
      .start();
    const client = await connectSsh(fake, { username: 'alice', password: PASSWORD });
    end = () => client.end();
    sftp = await openSftp(client);
  });
  afterAll(async () => {
    end();
    await fake.stop();
  });

  const statusOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: number }) => error.code);

  it('serves seeded files and resolves . to the home', async () => {
    expect(await call<string>((cb) => sftp.realpath('.', cb))).toBe('/');
    expect((await call<Buffer>((cb) => sftp.readFile('/seed/hello.txt', cb))).toString()).toBe('hello');
    expect([...(await call<Buffer>((cb) => sftp.readFile('seed/bin.dat', cb)))]).toEqual([0, 1, 2]);
  });

  it('round-trips mkdir, write, read, readdir, rename, remove, rmdir', async () => {
    const content = randomBytes(300_000); // several WRITE/READ chunks
    await call((cb) => sftp.mkdir('/out', cb));
    await call((cb) => sftp.writeFile('/out/data.bin', content, cb));
    expect((await call<Buffer>((cb) => sftp.readFile('/out/data.bin', cb))).equals(content)).toBe(true);
    expect(fake.readFile('alice', '/out/data.bin')?.equals(content)).toBe(true);

    const listing = await call<FileEntryWithStats[]>((cb) => sftp.readdir('/out', cb));
    expect(listing.map((e) => e.filename)).toEqual(['data.bin']);
    expect(listing[0]!.longname).toMatch(/^-rw-r--r-- +1 alice +alice +300000 \w{3} [ \d]\d [\d: ]{5} data\.bin$/);
    expect(listing[0]!.attrs.size).toBe(300_000);

    await call((cb) => sftp.rename('/out/data.bin', '/out/renamed.bin', cb));
    expect(await statusOf(call((cb) => sftp.stat('/out/data.bin', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.rmdir('/out', cb)))).toBe(STATUS_CODE.FAILURE);
    await call((cb) => sftp.unlink('/out/renamed.bin', cb));
    await call((cb) => sftp.rmdir('/out', cb));
    expect(await statusOf(call((cb) => sftp.stat('/out', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
  });

  it('answers the status codes clients expect', async () => {
    expect(await statusOf(call((cb) => sftp.stat('/missing', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.open('/missing', 'r', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.mkdir('/no/parent', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.mkdir('/seed', cb)))).toBe(STATUS_CODE.FAILURE);
    expect(await statusOf(call((cb) => sftp.unlink('/seed', cb)))).toBe(STATUS_CODE.FAILURE);
    expect(await statusOf(call((cb) => sftp.rename('/missing', '/x', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.rename('/seed/hello.txt', '/seed/bin.dat', cb)))).toBe(STATUS_CODE.FAILURE);
    expect(await statusOf(call((cb) => sftp.readlink('/seed/hello.txt', cb)))).toBe(STATUS_CODE.OP_UNSUPPORTED);
  });

  it('reads to EOF and honours append and exclusive create', async () => {
    const handle = await call<Buffer>((cb) => sftp.open('/log.txt', 'a', cb));
    await call((cb) => sftp.write(handle, Buffer.from('one\n'), 0, 4, 0, cb));
    await call((cb) => sftp.write(handle, Buffer.from('two\n'), 0, 4, 0, cb));
    await call((cb) => sftp.close(handle, cb));
    expect(fake.readFile('alice', '/log.txt')?.toString()).toBe('one\ntwo\n');
    expect(await statusOf(call((cb) => sftp.open('/log.txt', 'wx', cb)))).toBe(STATUS_CODE.FAILURE);

    const reader = await call<Buffer>((cb) => sftp.open('/log.txt', OPEN_MODE.READ as never, cb));
    // ssh2's client turns the EOF status into a zero-byte read.
    const bytesRead = await call<number>((cb) => sftp.read(reader, Buffer.alloc(10), 0, 10, 8, (error, n) => cb(error, n)));
    expect(bytesRead).toBe(0);
    expect(fake.getTranscript().at(-1)?.detail).toMatchObject({ op: 'READ', path: '/log.txt', status: 'EOF' });
    const stats = await call<Stats>((cb) => sftp.fstat(reader, cb));
    expect(stats.isFile() && stats.size).toBe(8);
    await call((cb) => sftp.close(reader, cb));
  });

  it('accepts setstat and applies times', async () => {
    await call((cb) => sftp.utimes('/seed/hello.txt', 1_000_000, 1_000_000, cb));
    const stats = await call<Stats>((cb) => sftp.stat('/seed/hello.txt', cb));
    expect(stats.mtime).toBe(1_000_000);
  });

  it('gives each user their own tree, rooted at their home', async () => {
    const client = await connectSsh(fake, { username: 'carol', password: PASSWORD });
    const carol = await openSftp(client);
    expect(await call<string>((cb) => carol.realpath('.', cb))).toBe('/inbox');
    expect((await call<Buffer>((cb) => carol.readFile('note.txt', cb))).toString()).toBe('for carol');
    expect(await statusOf(call((cb) => carol.stat('/seed', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    client.end();
    expect(fake.readFile('carol', 'note.txt')?.toString()).toBe('for carol');
    expect(fake.readFile('carol', '/inbox/note.txt')?.toString()).toBe('for carol');
  });

  it('records each op with its path and status', () => {
    const ops = fake.getTranscript().filter((e) => e.kind === 'sftp').map((e) => e.detail);
    expect(ops).toContainEqual(expect.objectContaining({ op: 'MKDIR', path: '/out', status: 'OK' }));
    expect(ops).toContainEqual(expect.objectContaining({ op: 'STAT', path: '/missing', status: 'NO_SUCH_FILE' }));
    expect(ops).toContainEqual(expect.objectContaining({ op: 'RMDIR', path: '/out', status: 'FAILURE' }));
    expect(ops).toContainEqual(expect.objectContaining({ op: 'CLOSE', path: '/out/data.bin', bytesWritten: 300_000 }));
    expect(ops.filter((op) => op.op === 'WRITE')).toEqual([]); // summed up at CLOSE instead
  });
});
