import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { expect, vi } from 'vitest';
import ssh2, { type Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import type { StartedSftpFake } from './started-sftp-fake.ts';

/** Test helper: a real ssh2 client against a started fake. Not part of the public barrel. */
export function connectSsh(fake: StartedSftpFake, config: Partial<ConnectConfig> = {}): Promise<Client> {
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    client
      .once('ready', () => resolve(client))
      // Kept for the client's whole life: a reset after the test is done (stop() destroys sockets) is expected.
      .on('error', (error) => {
        client.end();
        reject(error);
      })
      .once('close', () => reject(new Error('connection closed before ready')))
      .connect({ host: fake.getHost(), port: fake.getPort(), readyTimeout: 5000, ...config });
  });
}

export function openSftp(client: Client): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((error, sftp) => (error ? reject(error) : resolve(sftp))));
}

/** Promisifies one SFTPWrapper call: `await call<Buffer>((cb) => sftp.readFile('a', cb))`. */
export function call<T = void>(run: (callback: (error?: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

export interface RawConnection {
  socket: Socket;
  /** Everything the server has sent so far, as latin1. */
  received(): string;
  /** Resolves when the socket closes, with the milliseconds since it connected. */
  closed: Promise<number>;
}

/** A TCP client that speaks no SSH: it keeps what the server sends and when the server closed it. */
export async function connectRaw(fake: StartedSftpFake): Promise<RawConnection> {
  const socket = connect(fake.getPort(), fake.getHost());
  socket.on('error', () => undefined);
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
  await once(socket, 'connect');
  const connectedAt = performance.now();
  const closed = once(socket, 'close').then(() => performance.now() - connectedAt);
  return { socket, received: () => text, closed };
}

/** The server's first line, once it has arrived. */
export async function serverIdent(connection: RawConnection): Promise<string> {
  await vi.waitFor(() => expect(connection.received()).toContain('\r\n'), { timeout: 5_000 });
  return connection.received().split('\r\n')[0]!;
}
