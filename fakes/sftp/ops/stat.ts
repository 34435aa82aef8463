import { attrsOf } from '../fs-node.ts';
import { handlePath, requireHandle, runOp, type OpContext } from './sftp-op.ts';

/** STAT and LSTAT: the tree has no symlinks, so both answer the same. */
export function stat(op: 'STAT' | 'LSTAT') {
  return (ctx: OpContext, reqid: number, rawPath: string): void => {
    const path = ctx.fs.resolve(rawPath);
    runOp(ctx, reqid, op, path, () => ({ attrs: attrsOf(ctx.fs.get(path)) }));
  };
}

export function fstat(ctx: OpContext, reqid: number, wire: Buffer): void {
  runOp(ctx, reqid, 'FSTAT', handlePath(ctx, wire), () => {
    const handle = requireHandle(ctx, wire, 'file');
    return { attrs: attrsOf(handle.file) };
  });
}
