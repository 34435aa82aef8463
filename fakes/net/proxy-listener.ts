import { createServer, type Server, type Socket } from 'node:net';
import createDebug from 'debug';
import { listen } from '../shared/listen.ts';

const log = createDebug('partner-harness:fake:net');

type State = 'closed' | 'opening' | 'open';

/**
 * The listening socket, which 'refuse' really closes (so clients get ECONNREFUSED from the
 * kernel) and which comes back on the same port. A fresh net.Server per period: a closed server's
 * 'close' waits for its old connections, which we own and keep.
 */
export class ProxyListener {
  readonly #host: string;
  readonly #onSocket: (socket: Socket) => void;
  readonly #record: (kind: string, detail?: Record<string, unknown>) => void;
  readonly #closing = new Set<Promise<void>>();
  #server?: Server;
  #state: State = 'closed';
  #wantOpen = true;
  #stopping = false;
  #port = 0;
  #settled: Promise<void> = Promise.resolve();
  #markSettled?: () => void;

  constructor(host: string, onSocket: (socket: Socket) => void, record: (kind: string, detail?: Record<string, unknown>) => void) {
    this.#host = host;
    this.#onSocket = onSocket;
    this.#record = record;
  }

  getPort(): number {
    return this.#port;
  }

  /** The first listen; its failure is the caller's (start()'s) error. */
  async open(port: number): Promise<void> {
    this.#port = port;
    this.#state = 'opening';
    const server = this.#newServer();
    try {
      await listen(server, this.#host, port, 'FaultProxy');
    } catch (error) {
      this.#state = 'closed';
      throw error;
    }
    this.#listening(server);
  }

  /** Changes take effect synchronously when they can, so a connect right after addFault('refuse') is refused. */
  want(open: boolean): void {
    this.#wantOpen = open;
    this.#reconcile();
  }

  /** Resolves once no listen is in flight. */
  settled(): Promise<void> {
    return this.#settled;
  }

  async close(): Promise<void> {
    this.#stopping = true;
    this.want(false);
    await this.#settled;
    await Promise.all(this.#closing);
  }

  #reconcile(): void {
    if (this.#state === 'open' && !this.#wantOpen) {
      const server = this.#server!;
      this.#server = undefined;
      this.#state = 'closed';
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      this.#closing.add(closed);
      void closed.then(() => this.#closing.delete(closed));
      if (!this.#stopping) this.#record('refusing', { port: this.#port });
      log('closed listener on %s:%d', this.#host, this.#port);
    } else if (this.#state === 'closed' && this.#wantOpen) {
      this.#reopen();
    }
  }

  #reopen(): void {
    this.#state = 'opening';
    this.#settled = new Promise((resolve) => (this.#markSettled = resolve));
    const server = this.#newServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      this.#state = 'closed';
      this.#record('listen-failed', { host: this.#host, port: this.#port, code: error.code ?? error.message });
      log('cannot listen again on %s:%d: %s', this.#host, this.#port, error.message);
      this.#markSettled?.();
    });
    server.listen(this.#port, this.#host, () => {
      this.#listening(server);
      this.#markSettled?.();
    });
  }

  #listening(server: Server): void {
    const address = server.address();
    this.#port = typeof address === 'object' && address ? address.port : this.#port;
    this.#server = server;
    this.#state = 'open';
    this.#record('listening', { host: this.#host, port: this.#port });
    log('listening on %s:%d', this.#host, this.#port);
    this.#reconcile();
  }

  #newServer(): Server {
    // allowHalfOpen: a client's FIN is passed on, not answered by closing the whole connection.
    const server = createServer({ allowHalfOpen: true }, (socket) => this.#onSocket(socket));
    server.on('error', (error) => log('listener error: %s', error.message));
    return server;
  }
}
