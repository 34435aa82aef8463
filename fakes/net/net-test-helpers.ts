import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Test helpers: real TCP servers and clients on 127.0.0.1. Not part of the public barrel. */
export interface TestServer extends AsyncDisposable {
  port: number;
  server: Server;
  sockets: Set<Socket>;
}

/** A TCP server on a free port; `onSocket` defaults to echoing everything back. */
export async function startServer(onSocket: (socket: Socket) => void = (socket) => socket.pipe(socket)): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    server,
    sockets,
    async [Symbol.asyncDispose]() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A connected client that records what it receives and how it ends. */
export class TestClient {
  readonly socket: Socket;
  readonly received: Buffer[] = [];
  error?: NodeJS.ErrnoException;
  endedAt?: number;
  closedAt?: number;
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.received.push(chunk));
    socket.on('error', (error) => (this.error = error));
    socket.on('end', () => (this.endedAt = performance.now()));
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.closedAt = performance.now();
        resolve();
      }),
    );
  }

  static async connect(port: number, options: { allowHalfOpen?: boolean } = {}): Promise<TestClient> {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true, ...options });
    const client = new TestClient(socket);
    await Promise.race([once(socket, 'connect'), client.closed.then(() => Promise.reject(client.error ?? new Error('closed before connect')))]);
    return client;
  }

  bytes(): number {
    return this.received.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  text(): string {
    return Buffer.concat(this.received).toString('utf8');
  }

  /** Resolves when at least `count` bytes have arrived; rejects if the socket closes first. */
  async waitForBytes(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.bytes() < count) {
      if (this.closedAt !== undefined) throw new Error(`closed after ${this.bytes()} of ${count} bytes (${this.error?.code ?? 'no error'})`);
      if (performance.now() > deadline) throw new Error(`timed out after ${this.bytes()} of ${count} bytes`);
      // Polling only makes measured times longer, and the timing tests assert lower bounds only.
      await sleep(2);
    }
  }

  /** Sends `text` and resolves with the ms until `text.length` more bytes came back. */
  async roundTrip(text: string): Promise<number> {
    const before = this.bytes();
    const start = performance.now();
    this.socket.write(text);
    await this.waitForBytes(before + Buffer.byteLength(text));
    return performance.now() - start;
  }
}

/** Connect attempt that resolves with the error code, or 'connected'. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
