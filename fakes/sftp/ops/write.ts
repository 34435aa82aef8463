import { writeBytes } from '../fs-node.ts';
import { handlePath, requireHandle, runOp, SftpStatusError, type OpContext } from './sftp-op.ts';

export function write(ctx: OpContext, reqid: number, wire: Buffer, offset: number, data: Buffer): void {
  runOp(ctx, reqid, 'WRITE', handlePath(ctx, wire), () => {
    const handle = requireHandle(ctx, wire, 'file');
    if (!handle.writable) throw new SftpStatusError('FAILURE', 'handle not open for writing');
    // O_APPEND semantics: the offset the client sends is ignored.
    writeBytes(handle.file, handle.append ? handle.file.size : offset, data);
    handle.writes += 1;
    handle.bytesWritten += data.length;
    return { status: 'OK', quiet: true };
  });
}
