import type { Server } from 'node:net';
import { FakeStartError } from '../../core/errors/index.ts';

/**
 * Listens on host:port and resolves the port actually bound (the OS's choice for port 0).
 * `who` names the fake in the error, so a clash says which partner could not start.
 */
export function listen(server: Server, host: string, port: number, who: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // once() stays attached after a successful listen, so a later 'error' never goes unhandled.
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new FakeStartError(`${who}: cannot listen on ${host}:${port} (${error.code ?? error.message}); use withPort(0) for a free port`, { cause: error }));
    });
    server.listen(port, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
