import { SftpStatusError, runOp, handlePath, requireHandle, type OpContext } from './sftp-op.ts';
import { fileEntry } from './longname.ts';

// OpenSSH's sftp-server sends at most 100 names per READDIR reply.
const BATCH = 100;

/** OPENDIR snapshots the listing, `.` and `..` included as readdir(3) returns them. */
export function opendir(ctx: OpContext, reqid: number, rawPath: string): void {
  const path = ctx.fs.resolve(rawPath);
  runOp(ctx, reqid, 'OPENDIR', path, () => {
    const self = ctx.fs.get(path);
    if (self.kind !== 'dir') throw new SftpStatusError('FAILURE', 'not a directory');
    const parent = ctx.fs.get(ctx.fs.resolve(`${path}/..`));
    const pending = [
      fileEntry('.', self, ctx.user),
      fileEntry('..', parent, ctx.user),
      ...ctx.fs.list(path).map(([name, node]) => fileEntry(name, node, ctx.user)),
    ];
    return { handle: ctx.handles.add({ kind: 'dir', path, pending }) };
  });
}

export function readdir(ctx: OpContext, reqid: number, wire: Buffer): void {
  runOp(ctx, reqid, 'READDIR', handlePath(ctx, wire), () => {
    const handle = requireHandle(ctx, wire, 'dir');
    if (handle.pending.length === 0) return { status: 'EOF' };
    const names = handle.pending.splice(0, BATCH);
    return { names, detail: { count: names.length } };
  });
}
