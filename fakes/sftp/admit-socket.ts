import type { Socket } from 'node:net';
import type { SftpFault } from './sftp-fault.ts';
import type { Recorder } from '../shared/transcript.ts';

export interface AdmitOptions {
  faults: readonly SftpFault[];
  /** Full ident line we send, e.g. `SSH-2.0-PartnerHarness_1.0`. */
  identLine: string;
  record: Recorder;
  /** Hands the socket to ssh2, which sends our ident and runs the protocol. */
  inject(socket: Socket): void;
  /** Pending delays, so stop() can cancel them. */
  timers: Set<NodeJS.Timeout>;
}

// RFC 4253 caps the ident line at 255 bytes; anything longer is not an SSH client.
const MAX_IDENT = 255;

/** Applies the faults that act before ssh2 sees the socket: hang, delay-ident, close-after-ident. */
export function admitSocket(socket: Socket, options: AdmitOptions): void {
  const find = <K extends SftpFault['kind']>(kind: K) =>
    options.faults.find((fault): fault is Extract<SftpFault, { kind: K }> => fault.kind === kind);
  if (find('hang')) {
    options.record('fault', { kind: 'hang' });
    return;
  }
  const proceed = (): void => {
    if (socket.destroyed) return;
    if (find('close-after-ident')) closeAfterIdent(socket, options);
    else options.inject(socket);
  };
  const delay = find('delay-ident');
  if (!delay) return proceed();
  options.record('fault', { kind: 'delay-ident', ms: delay.ms });
  const timer = setTimeout(() => {
    options.timers.delete(timer);
    proceed();
  }, delay.ms);
  options.timers.add(timer);
}

// Done by hand rather than through ssh2, which would also send KEXINIT right after the ident.
function closeAfterIdent(socket: Socket, options: AdmitOptions): void {
  socket.write(`${options.identLine}\r\n`);
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf('\n');
    if (end === -1 && received.length <= MAX_IDENT) return;
    const line = received.subarray(0, end === -1 ? MAX_IDENT : end).toString('latin1').replace(/\r$/, '');
    options.record('ident', { client: line });
    options.record('fault', { kind: 'close-after-ident' });
    socket.destroy();
  });
}
