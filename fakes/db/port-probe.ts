import { connect } from 'node:net';
import { expect } from 'vitest';

/** Test helper: resolves with the connect error code for 127.0.0.1:port, or 'connected'. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

export async function expectPortClosed(port: number): Promise<void> {
  expect(await tryConnect(port)).toBe('ECONNREFUSED');
}
