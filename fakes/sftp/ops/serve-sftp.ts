import type { SFTPWrapper } from 'ssh2';
import type { SftpFs } from '../virtual-fs.ts';
import { close } from './close.ts';
import { opendir, readdir } from './directory.ts';
import { HandleTable } from './handle-table.ts';
import { open } from './open.ts';
import { pathOp, realpath, rename } from './paths.ts';
import { read } from './read.ts';
import { fsetstat, setstat } from './setstat.ts';
import { runOp, type OpContext, type OpRecord } from './sftp-op.ts';
import { fstat, stat } from './stat.ts';
import { write } from './write.ts';

export interface ServeSftpOptions {
  fs: SftpFs;
  user: string;
  record(entry: OpRecord): void;
}

/**
 * Answers every request on one SFTP channel from the user's virtual tree.
 * Anything not listed here (READLINK, SYMLINK, extensions) answers OP_UNSUPPORTED.
 */
export function serveSftp(sftp: SFTPWrapper, options: ServeSftpOptions): void {
  const ctx: OpContext = { sftp, fs: options.fs, user: options.user, handles: new HandleTable(), record: options.record };
  sftp
    .on('OPEN', (id, filename, flags, attrs) => open(ctx, id, filename, flags, attrs))
    .on('READ', (id, handle, offset, length) => read(ctx, id, handle, offset, length))
    .on('WRITE', (id, handle, offset, data) => write(ctx, id, handle, offset, data))
    .on('CLOSE', (id, handle) => close(ctx, id, handle))
    .on('FSTAT', (id, handle) => fstat(ctx, id, handle))
    .on('FSETSTAT', (id, handle, attrs) => fsetstat(ctx, id, handle, attrs))
    .on('STAT', (id, path) => stat('STAT')(ctx, id, path))
    .on('LSTAT', (id, path) => stat('LSTAT')(ctx, id, path))
    .on('SETSTAT', (id, path, attrs) => setstat(ctx, id, path, attrs))
    .on('OPENDIR', (id, path) => opendir(ctx, id, path))
    .on('READDIR', (id, handle) => readdir(ctx, id, handle))
    .on('MKDIR', (id, path) => pathOp('MKDIR')(ctx, id, path))
    .on('RMDIR', (id, path) => pathOp('RMDIR')(ctx, id, path))
    .on('REMOVE', (id, path) => pathOp('REMOVE')(ctx, id, path))
    .on('RENAME', (id, from, to) => rename(ctx, id, from, to))
    .on('REALPATH', (id, path) => realpath(ctx, id, path))
    // Registered only so the transcript shows what a client tried that we do not serve.
    .on('READLINK', (id, path) => unsupported(ctx, id, 'READLINK', { path }))
    .on('SYMLINK', (id, target, link) => unsupported(ctx, id, 'SYMLINK', { path: link, target }))
    .on('EXTENDED', (id, name) => unsupported(ctx, id, 'EXTENDED', { name }))
    // OpenSSH's sftp closes its end and waits for ours (sftp-server exits on EOF); without
    // this the client hangs after its last command.
    .on('end', () => sftp.end());
}

function unsupported(ctx: OpContext, reqid: number, op: string, detail: Record<string, unknown>): void {
  runOp(ctx, reqid, op, undefined, () => ({ status: 'OP_UNSUPPORTED', detail }));
}
