import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from 'ssh2';
import { VirtualFsError, type FsErrorCode, type SftpFs } from '../virtual-fs.ts';
import type { HandleTable, OpenHandle } from './handle-table.ts';

const { STATUS_CODE } = ssh2.utils.sftp;

export type StatusName = keyof typeof STATUS_CODE;

/** One SFTP op as the transcript shows it. */
export interface OpRecord {
  op: string;
  path?: string;
  status: StatusName;
  [detail: string]: unknown;
}

export interface OpContext {
  sftp: SFTPWrapper;
  fs: SftpFs;
  handles: HandleTable;
  /** Owner name shown in READDIR longnames. */
  user: string;
  record(entry: OpRecord): void;
}

interface OpExtras {
  /** Extra transcript fields; never file content. */
  detail?: Record<string, unknown>;
  /** Skip the transcript entry (successful READ/WRITE are summed up at CLOSE instead). */
  quiet?: boolean;
}

export type OpReply = OpExtras &
  (
    | { status: StatusName; message?: string }
    | { handle: Buffer }
    | { data: Buffer }
    | { names: FileEntry[] }
    | { attrs: Attributes }
  );

/** Thrown by ops to answer with a status other than what the file system said. */
export class SftpStatusError extends Error {
  constructor(
    readonly status: StatusName,
    message: string,
  ) {
    super(message);
  }
}

// The mapping OpenSSH's sftp-server uses (errno_to_portable), so clients see the codes they expect.
const FS_STATUS: Record<FsErrorCode, StatusName> = {
  ENOENT: 'NO_SUCH_FILE',
  ENOTDIR: 'NO_SUCH_FILE',
  EEXIST: 'FAILURE',
  EISDIR: 'FAILURE',
  ENOTEMPTY: 'FAILURE',
  EINVAL: 'BAD_MESSAGE',
  EACCES: 'PERMISSION_DENIED',
};

const MESSAGES: Partial<Record<StatusName, string>> = {
  OK: 'Success',
  EOF: 'End of file',
  NO_SUCH_FILE: 'No such file',
  PERMISSION_DENIED: 'Permission denied',
  FAILURE: 'Failure',
  BAD_MESSAGE: 'Bad message',
  OP_UNSUPPORTED: 'Operation unsupported',
};

/**
 * Runs one request: `body` returns the reply, or throws a VirtualFsError /
 * SftpStatusError that becomes a status. Replies exactly once and records the outcome.
 */
export function runOp(ctx: OpContext, reqid: number, op: string, path: string | undefined, body: () => OpReply): void {
  let reply: OpReply;
  try {
    reply = body();
  } catch (error) {
    reply = replyForError(error);
  }
  try {
    send(ctx.sftp, reqid, reply);
  } catch (error) {
    // The channel closed under us; the client is gone, but the transcript still shows what it asked.
    reply = { ...reply, detail: { ...reply.detail, replyFailed: (error as Error).message } };
  }
  if (!reply.quiet) {
    const status: StatusName = 'status' in reply ? reply.status : 'OK';
    ctx.record({ op, ...(path === undefined ? {} : { path }), status, ...reply.detail });
  }
}

/** The open handle or an SFTP FAILURE, which is what OpenSSH answers for an unknown handle. */
export function requireHandle<K extends OpenHandle['kind']>(ctx: OpContext, wire: Buffer, kind: K): Extract<OpenHandle, { kind: K }> {
  const handle = ctx.handles.get(wire);
  if (!handle || handle.kind !== kind) throw new SftpStatusError('FAILURE', `invalid ${kind} handle`);
  return handle as Extract<OpenHandle, { kind: K }>;
}

/** The path a handle refers to, for the transcript; undefined for an unknown handle. */
export function handlePath(ctx: OpContext, wire: Buffer): string | undefined {
  return ctx.handles.get(wire)?.path;
}

function replyForError(error: unknown): OpReply {
  if (error instanceof VirtualFsError) return { status: FS_STATUS[error.code], detail: { reason: error.code } };
  if (error instanceof SftpStatusError) return { status: error.status, message: error.message };
  // A bug in an op must not kill the session: answer FAILURE and keep the reason for the transcript.
  return { status: 'FAILURE', detail: { reason: error instanceof Error ? error.message : String(error) } };
}

function send(sftp: SFTPWrapper, reqid: number, reply: OpReply): void {
  if ('handle' in reply) sftp.handle(reqid, reply.handle);
  else if ('data' in reply) sftp.data(reqid, reply.data);
  else if ('names' in reply) sftp.name(reqid, reply.names);
  else if ('attrs' in reply) sftp.attrs(reqid, reply.attrs);
  else sftp.status(reqid, STATUS_CODE[reply.status], reply.message ?? MESSAGES[reply.status] ?? '');
}
