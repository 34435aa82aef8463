import { connect, type Socket } from 'node:net';
import createDebug from 'debug';
import { PartnerUnreachableError } from '../sftp/scan-sftp-server.ts';

const debug = createDebug('partner-harness:probe:jdbc');

/** A TCP connection to the server, or PartnerUnreachableError (refused, unknown host, no answer in time). */
export function connectTcp(host: string, port: number, timeoutMs: number): Promise<Socket> {
  const target = `${host}:${port}`;
  return new Promise<Socket>((resolve, reject) => {
    const socket = connect({ host, port });
    // Stays for the socket's life: a reset after the scan has moved on must not become an uncaught error.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      debug('%s: %s', target, error.code ?? error.message);
      clearTimeout(timer);
      socket.destroy();
      reject(new PartnerUnreachableError(target, describeConnectError(error)));
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PartnerUnreachableError(target, `no TCP connection within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      debug('%s: connected', target);
      resolve(socket);
    });
  });
}

function describeConnectError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens on that port)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no route to the host';
    default:
      return `cannot connect: ${error.message}`;
  }
}
