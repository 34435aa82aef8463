// A user's repository: their own kind of fake, written against the public entry only, in plain
// JavaScript (the config loads as is, no build step). `kind: echo` is a TCP partner that answers
// each line it receives with the same line, then hangs up after `closeAfterLines` lines.
import { createServer } from 'node:net';
import { defineFakeKind, StartedFakeBase } from 'partner-harness/fakes';
import { defineConfig } from 'partner-harness';
import { z } from 'zod';

class StartedEchoFake extends StartedFakeBase {
  #server;
  #sockets = new Set();

  constructor(closeAfterLines) {
    super();
    this.#server = createServer((socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      let lines = 0;
      socket.setEncoding('utf8');
      socket.on('data', (text) => {
        for (const line of text.split(/(?<=\n)/)) {
          if (lines >= closeAfterLines) break;
          lines++;
          // What a fake saw, never secrets: the line's length, not the line.
          this.transcript.record('line', { length: line.length });
          socket.write(line);
        }
        if (lines >= closeAfterLines) socket.end();
      });
      socket.on('error', () => socket.destroy());
    });
  }

  static async start(closeAfterLines) {
    const fake = new StartedEchoFake(closeAfterLines);
    await new Promise((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', resolve);
    });
    return fake;
  }

  getHost() {
    return '127.0.0.1';
  }

  getPort() {
    return this.#server.address().port;
  }

  getUrl() {
    return this.formatUrl('tcp');
  }

  async close() {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

export const echoKind = defineFakeKind({
  kind: 'echo',
  schema: z.object({ kind: z.literal('echo'), closeAfterLines: z.number().int().positive().default(1) }).strict(),
  runtimes: { embedded: {} },
  async start(config, context) {
    const started = await StartedEchoFake.start(config.closeAfterLines);
    context.log('echo partner on %s', started.getUrl());
    // What scenarios reference as {{ fakes.NAME.sftpUrl }}, beside host, port and url.
    context.expose({ sftpUrl: `sftp://${started.getHost()}:${started.getPort()}` });
    return started;
  },
});

export default defineConfig({ fakes: [echoKind] });
