import { createServer, type Server, type Socket } from 'node:net';
import { z } from 'zod';
import { defineFakeKind, StartedFakeBase } from '../../../../fakes/index.ts';

/** A user's kind of fake as the README shows it: a TCP partner that echoes each line back, prefixed. */
export class StartedEchoFake extends StartedFakeBase {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();

  private constructor(prefix: string) {
    super();
    this.#server = createServer((socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      this.transcript.record('connection', { remotePort: socket.remotePort });
      socket.on('data', (data) => socket.write(`${prefix}${data}`));
      socket.on('error', () => socket.destroy());
    });
  }

  static async start(prefix: string): Promise<StartedEchoFake> {
    const fake = new StartedEchoFake(prefix);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', resolve);
    });
    return fake;
  }

  getHost(): string {
    return '127.0.0.1';
  }

  getPort(): number {
    return (this.#server.address() as { port: number }).port;
  }

  getUrl(): string {
    return this.formatUrl('tcp');
  }

  protected async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

export const echoKind = defineFakeKind({
  kind: 'echo',
  schema: z.object({ kind: z.literal('echo'), prefix: z.string().default(''), password: z.string().optional() }).strict(),
  runtimes: { embedded: {} },
  async start(config, context) {
    context.redact(config.password);
    const started = await StartedEchoFake.start(config.prefix);
    context.expose({ prefix: config.prefix, runtime: context.runtime });
    return started;
  },
});
