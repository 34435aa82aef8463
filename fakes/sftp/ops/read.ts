import { readBytes } from '../fs-node.ts';
import { handlePath, requireHandle, runOp, SftpStatusError, type OpContext } from './sftp-op.ts';

// Clients cope with short reads; capping keeps one DATA reply within common packet limits.
const MAX_READ = 64 * 1024;

export function read(ctx: OpContext, reqid: number, wire: Buffer, offset: number, length: number): void {
  runOp(ctx, reqid, 'READ', handlePath(ctx, wire), () => {
    const handle = requireHandle(ctx, wire, 'file');
    if (!handle.readable) throw new SftpStatusError('FAILURE', 'handle not open for reading');
    const data = readBytes(handle.file, offset, Math.min(length, MAX_READ));
    if (!data) return { status: 'EOF' };
    handle.reads += 1;
    handle.bytesRead += data.length;
    return { data, quiet: true };
  });
}
