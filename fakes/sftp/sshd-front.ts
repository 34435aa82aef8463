import { connect, createServer, type Socket } from 'node:net';
import { SocketSet } from '../shared/socket-set.ts';
import type { Transcript } from '../shared/transcript.ts';
import { admitSocket } from './admit-socket.ts';
import type { SftpFault } from './sftp-fault.ts';

export interface SshdFrontOptions {
  host: string;
  /** Where clients connect; 0 picks a free port. */
  port: number;
  /** sshd's own port on `host`. */
  backendPort: number;
  faults: readonly SftpFault[];
  /** sshd's ident line as it sent it at start-up, for close-after-ident (which never reaches sshd). */
  identLine: string;
  transcript: Transcript;
}

export interface SshdFront {
  port: number;
  close(): Promise<void>;
}

/** The faults sshd cannot show by configuration; a front listener acts them out instead. */
export const FRONT_FAULTS: ReadonlySet<SftpFault['kind']> = new Set(['hang', 'delay-ident', 'close-after-ident', 'close-after-kex']);

const SSH_MSG_NEWKEYS = 21;
// Larger than any key-exchange packet; beyond it the client is not speaking SSH.
const MAX_KEX_PACKET = 256 * 1024;

/**
 * A TCP listener in front of sshd that applies the connection-level faults with the embedded
 * fake's own admitSocket (hang, delay-ident, close-after-ident), then relays bytes to sshd.
 * For close-after-kex it reads the client's cleartext key-exchange packets and closes both
 * sides right after the client's NEWKEYS, before any (encrypted) authentication request.
 */
export async function startSshdFront(options: SshdFrontOptions): Promise<SshdFront> {
  const sockets = new SocketSet();
  const timers = new Set<NodeJS.Timeout>();
  const record = (kind: string, detail: Record<string, unknown> = {}) => options.transcript.record(kind, detail);
  const track = (socket: Socket): Socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    return socket;
  };
  const server = createServer((client) => {
    admitSocket(track(client), { faults: options.faults, identLine: options.identLine, record, timers, inject: (socket) => relay(socket) });
  });
  const relay = (client: Socket): void => {
    const upstream = track(connect(options.backendPort, options.host));
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    upstream.pipe(client);
    if (!options.faults.some((fault) => fault.kind === 'close-after-kex')) {
      client.pipe(upstream);
      return;
    }
    const watch = watchClientKex();
    client.on('data', (chunk: Buffer) => {
      const { forward, newKeys } = watch(chunk);
      upstream.write(forward);
      if (!newKeys) return;
      record('fault', { kind: 'close-after-kex' });
      client.removeAllListeners('data');
      client.end();
      upstream.end();
    });
  };
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, resolve));
  const address = server.address();
  let closing: Promise<void> | undefined;
  return {
    port: typeof address === 'object' && address !== null ? address.port : options.port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        // Not awaited, as before: close() resolves with server.close(), which waits for the accepted sockets.
        void sockets.destroyAll();
      });
      return closing;
    },
  };
}

/**
 * Follows the client's side of the connection: its ident line, then binary packets that are
 * cleartext until NEWKEYS (uint32 length, padding length, message type, ...). Returns the part
 * of each chunk to pass on, cut right after NEWKEYS.
 */
function watchClientKex(): (chunk: Buffer) => { forward: Buffer; newKeys: boolean } {
  let pending = Buffer.alloc(0);
  let identSeen = false;
  return (chunk) => {
    const start = pending.length;
    pending = Buffer.concat([pending, chunk]);
    let offset = 0;
    if (!identSeen) {
      const end = pending.indexOf(0x0a);
      if (end === -1) return { forward: chunk, newKeys: false };
      identSeen = true;
      offset = end + 1;
    }
    while (pending.length - offset >= 6) {
      const total = 4 + pending.readUInt32BE(offset);
      if (total > MAX_KEX_PACKET) return { forward: Buffer.alloc(0), newKeys: true };
      if (pending.length - offset < total) break;
      const type = pending[offset + 5];
      offset += total;
      if (type === SSH_MSG_NEWKEYS) return { forward: chunk.subarray(0, offset - start), newKeys: true };
    }
    pending = pending.subarray(offset);
    return { forward: chunk, newKeys: false };
  };
}
