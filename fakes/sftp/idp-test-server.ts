import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the provider saw it. */
export interface SeenRequest {
  method: string;
  /** The path without the query, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

/** What the test answers: a status and a body (JSON-encoded unless a string), or 'hang' to never answer. */
export type IdpAnswer = { status?: number; body: unknown } | 'hang';

export interface IdpTestServer extends AsyncDisposable {
  /** The API Gateway invoke URL, stage included: `http://127.0.0.1:PORT/prod`. */
  url: string;
  requests: SeenRequest[];
  /** Resolves once `count` requests have arrived. */
  received(count: number): Promise<void>;
  /** Open sockets, so a test can see the fake let go of its provider connections. */
  connections(): Promise<number>;
}

/**
 * Test helper: a tiny real HTTP server standing in for an API Gateway identity provider.
 * Not part of the public barrel.
 */
export async function startIdpTestServer(answer: (request: SeenRequest) => IdpAnswer): Promise<IdpTestServer> {
  const requests: SeenRequest[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers };
    requests.push(seen);
    for (const wake of waiters.splice(0)) wake();
    reply(res, answer(seen));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/prod`,
    requests,
    async received(count) {
      while (requests.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    connections: () => new Promise((resolve, reject) => server.getConnections((error, n) => (error ? reject(error) : resolve(n)))),
    async [Symbol.asyncDispose]() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function reply(res: ServerResponse, answer: IdpAnswer): void {
  if (answer === 'hang') return;
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(text);
}
