import { createServer, type Socket } from 'node:net';
import type { DbFault } from './db-fault.ts';
import { freePort } from './free-port.ts';

export interface FaultListener {
  port: number;
  close(): Promise<void>;
}

/**
 * 'refuse' advertises a port nobody listens on (another process could take it meanwhile; on a test
 * machine that is rare). 'accept-hang' holds every accepted socket open, silent, until close().
 */
export async function startFaultListener(fault: DbFault, host: string): Promise<FaultListener> {
  if (fault.kind === 'refuse') return { port: await freePort(host), close: async () => undefined };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };
  return { port, close };
}
