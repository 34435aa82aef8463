import type { Duplex } from 'node:stream';

/** The largest message or packet a scan accepts: handshakes and errors are a few hundred bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** How a read ended without its bytes: the peer was silent, hung up, sent more than a scan ever needs, or broke the protocol. */
export class WireError extends Error {
  constructor(
    readonly kind: 'timeout' | 'closed' | 'too-large' | 'protocol',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads exact byte counts from a socket, each read bounded by a timeout and the buffer by
 * MAX_MESSAGE_BYTES, so a silent, slow or flooding server ends a scan instead of hanging it.
 */
export class WireReader {
  #buffer = Buffer.alloc(0);
  #ended?: WireError;
  #wake?: () => void;
  readonly #listeners: Array<[string, Parameters<Duplex['on']>[1]]>;

  constructor(
    private readonly socket: Duplex,
    private readonly timeoutMs: number,
  ) {
    this.#listeners = [
      ['data', (chunk: Buffer) => this.#onData(chunk)],
      ['end', () => this.#end(new WireError('closed', 'the server closed the connection'))],
      ['close', () => this.#end(new WireError('closed', 'the server closed the connection'))],
      ['error', (error: Error) => this.#end(new WireError('closed', `the connection failed: ${error.message}`))],
    ];
    for (const [event, listener] of this.#listeners) socket.on(event, listener);
  }

  /** Exactly `count` bytes; `what` names the awaited answer in the timeout message. */
  async read(count: number, what: string): Promise<Buffer> {
    if (count > MAX_MESSAGE_BYTES) throw new WireError('too-large', `${what} announces ${count} bytes, more than the ${MAX_MESSAGE_BYTES} a scan accepts`);
    const deadline = Date.now() + this.timeoutMs;
    while (this.#buffer.length < count) {
      if (this.#ended) throw this.#ended;
      const left = deadline - Date.now();
      if (left <= 0) throw new WireError('timeout', `no ${what} within ${this.timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
    const bytes = this.#buffer.subarray(0, count);
    this.#buffer = this.#buffer.subarray(count);
    return bytes;
  }

  /** Stops listening (before TLS takes the socket over) and returns the bytes that came unasked. */
  detach(): Buffer {
    for (const [event, listener] of this.#listeners) if (event !== 'error') this.socket.off(event, listener);
    this.socket.pause();
    return this.#buffer;
  }

  #onData(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    if (this.#buffer.length > MAX_MESSAGE_BYTES + 5) {
      this.#end(new WireError('too-large', `the server sent more than ${MAX_MESSAGE_BYTES} bytes at once`));
      this.socket.destroy();
    }
    this.#wake?.();
  }

  #end(error: WireError): void {
    this.#ended ??= error;
    this.#wake?.();
  }
}
