import type { Attributes } from 'ssh2';
import { applyAttrs } from '../fs-node.ts';
import { handlePath, requireHandle, runOp, type OpContext } from './sftp-op.ts';

// Clients send SETSTAT after uploads to preserve times and modes; we honour what is cheap to honour.
export function setstat(ctx: OpContext, reqid: number, rawPath: string, attrs: Partial<Attributes>): void {
  const path = ctx.fs.resolve(rawPath);
  runOp(ctx, reqid, 'SETSTAT', path, () => {
    applyAttrs(ctx.fs.get(path), attrs ?? {});
    return { status: 'OK' };
  });
}

export function fsetstat(ctx: OpContext, reqid: number, wire: Buffer, attrs: Partial<Attributes>): void {
  runOp(ctx, reqid, 'FSETSTAT', handlePath(ctx, wire), () => {
    applyAttrs(requireHandle(ctx, wire, 'file').file, attrs ?? {});
    return { status: 'OK' };
  });
}
