import type { Server } from 'node:net';
import type { SocketSet } from './socket-set.ts';

/** Stops listening and cuts every accepted socket; resolves once Node holds no handle of either. */
export async function closeServer(server: Server, sockets: SocketSet): Promise<void> {
  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all([serverClosed, sockets.destroyAll()]);
  // 'close' fires on nextTick, before libuv runs the handles' close callbacks; a timer
  // fires after that phase, so callers see no leftover handles once stop() resolves.
  await new Promise((resolve) => setTimeout(resolve, 0));
}
