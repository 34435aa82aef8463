import { handlePath, runOp, SftpStatusError, type OpContext } from './sftp-op.ts';

/** CLOSE also reports the handle's READ/WRITE totals, which are not recorded chunk by chunk. */
export function close(ctx: OpContext, reqid: number, wire: Buffer): void {
  runOp(ctx, reqid, 'CLOSE', handlePath(ctx, wire), () => {
    const handle = ctx.handles.delete(wire);
    if (!handle) throw new SftpStatusError('FAILURE', 'invalid handle');
    if (handle.kind === 'dir') return { status: 'OK' };
    const { reads, bytesRead, writes, bytesWritten } = handle;
    return { status: 'OK', detail: { reads, bytesRead, writes, bytesWritten } };
  });
}
