import type { Attributes } from 'ssh2';
import { attrsOf } from '../fs-node.ts';
import { runOp, type OpContext } from './sftp-op.ts';

/** MKDIR, RMDIR, REMOVE: one path, a status answer. */
export function pathOp(op: 'MKDIR' | 'RMDIR' | 'REMOVE') {
  return (ctx: OpContext, reqid: number, rawPath: string): void => {
    const path = ctx.fs.resolve(rawPath);
    runOp(ctx, reqid, op, path, () => {
      if (op === 'MKDIR') ctx.fs.mkdir(path);
      else if (op === 'RMDIR') ctx.fs.rmdir(path);
      else ctx.fs.remove(path);
      return { status: 'OK' };
    });
  };
}

export function rename(ctx: OpContext, reqid: number, rawFrom: string, rawTo: string): void {
  const path = ctx.fs.resolve(rawFrom);
  const to = ctx.fs.resolve(rawTo);
  runOp(ctx, reqid, 'RENAME', path, () => {
    ctx.fs.rename(path, to);
    return { status: 'OK', detail: { to } };
  });
}

/**
 * REALPATH answers the normalised path even when it does not exist: clients
 * canonicalise upload targets before creating them, and lenient servers
 * (AWS Transfer among them) allow that.
 */
export function realpath(ctx: OpContext, reqid: number, rawPath: string): void {
  const path = ctx.fs.resolve(rawPath);
  runOp(ctx, reqid, 'REALPATH', path, () => {
    const node = ctx.fs.lookup(path);
    // OpenSSH sends empty attributes here; ssh2's types want a full object, so an empty one stands in.
    const attrs = node ? attrsOf(node) : ({} as Attributes);
    return { names: [{ filename: path, longname: path, attrs }] };
  });
}
