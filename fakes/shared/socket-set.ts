import type { Socket } from 'node:net';

/**
 * The sockets a fake accepted, so stop() can cut them instead of waiting for clients to hang up
 * (server.close() alone waits for every open connection).
 */
export class SocketSet {
  readonly #sockets = new Set<Socket>();

  add(socket: Socket): void {
    // Without this, Nagle plus delayed ACK adds ~40ms to every loopback round trip.
    socket.setNoDelay(true);
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  /** Destroys every socket; resolves once each has emitted 'close'. */
  async destroyAll(): Promise<void> {
    const closed = [...this.#sockets].map(
      (socket) =>
        new Promise<void>((resolve) => {
          socket.once('close', () => resolve());
          socket.destroy();
        }),
    );
    await Promise.all(closed);
  }
}
