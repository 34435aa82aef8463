import ssh2, { type Attributes } from 'ssh2';
import { applyAttrs } from '../fs-node.ts';
import { runOp, type OpContext } from './sftp-op.ts';

const { OPEN_MODE, flagsToString } = ssh2.utils.sftp;

// What a real server's process umask does to the mode a client asks for.
const UMASK = 0o022;

/** OPEN: pflags map to open(2) semantics; a file created here takes the client's mode minus the umask. */
export function open(ctx: OpContext, reqid: number, filename: string, flags: number, attrs: Partial<Attributes>): void {
  const path = ctx.fs.resolve(filename);
  runOp(ctx, reqid, 'OPEN', path, () => {
    const writable = (flags & OPEN_MODE.WRITE) !== 0 || (flags & OPEN_MODE.APPEND) !== 0;
    // Like OpenSSH, no access bits at all means read-only.
    const readable = (flags & OPEN_MODE.READ) !== 0 || !writable;
    const create = (flags & OPEN_MODE.CREAT) !== 0;
    const existed = ctx.fs.lookup(path) !== undefined;
    const file = ctx.fs.openFile(path, {
      create,
      exclusive: (flags & OPEN_MODE.EXCL) !== 0,
      truncate: (flags & OPEN_MODE.TRUNC) !== 0,
    });
    if (!existed && typeof attrs?.mode === 'number') applyAttrs(file, { mode: attrs.mode & ~UMASK });
    const handle = ctx.handles.add({
      kind: 'file',
      path,
      file,
      readable,
      writable,
      append: (flags & OPEN_MODE.APPEND) !== 0,
      reads: 0,
      writes: 0,
      bytesRead: 0,
      bytesWritten: 0,
    });
    return { handle, detail: { flags: flagsToString(flags) ?? flags } };
  });
}
