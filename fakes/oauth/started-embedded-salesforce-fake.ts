import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import createDebug from 'debug';
import { getResponse, type RequestHandler } from 'msw';
import { closeServer } from '../shared/close-server.ts';
import { toFetchRequest, writeFetchResponse } from '../shared/http-bridge.ts';
import { listen } from '../shared/listen.ts';
import { SocketSet } from '../shared/socket-set.ts';
import { StartedFakeBase } from '../shared/started-fake.ts';
import { instanceApi } from './instance-api.ts';
import type { SalesforceContext } from './salesforce-context.ts';
import { notFound, unknownException } from './salesforce-errors.ts';
import { SalesforceOrg, type SalesforceOrgConfig } from './salesforce-org.ts';
import type { StartedSalesforceFake } from './started-salesforce-fake.ts';
import { TOKEN_PATH, tokenEndpoint } from './token-endpoint.ts';
import { TokenStore } from './token-store.ts';

const log = createDebug('partner-harness:fake:oauth');

export interface EmbeddedSalesforceFakeConfig extends SalesforceOrgConfig {
  host: string;
  port: number;
  /** withHandlers(): tried before the built-in routes. */
  handlers: readonly RequestHandler[];
}

/** The in-process fake: a node:http server resolving each request with msw's getResponse(). */
export class StartedEmbeddedSalesforceFake extends StartedFakeBase implements StartedSalesforceFake {
  readonly #host: string;
  readonly #requestedPort: number;
  readonly #tokens: TokenStore;
  readonly #handlers: readonly RequestHandler[];
  readonly #server: Server;
  readonly #sockets = new SocketSet();
  #overrides: RequestHandler[] = [];
  #port = 0;

  private constructor(config: EmbeddedSalesforceFakeConfig) {
    super();
    this.#host = config.host;
    this.#requestedPort = config.port;
    const org = new SalesforceOrg(config);
    this.#tokens = new TokenStore(org.orgId, org.tokenLifetimeSeconds);
    const context: SalesforceContext = {
      org,
      tokens: this.#tokens,
      record: (kind, detail) => this.transcript.record(kind, detail),
    };
    this.#handlers = [...config.handlers, ...tokenEndpoint(context), ...instanceApi(context)];
    this.#server = createServer((req, res) => this.#onRequest(req, res));
    this.#server.on('connection', (socket) => this.#onSocket(socket));
  }

  static async start(config: EmbeddedSalesforceFakeConfig): Promise<StartedEmbeddedSalesforceFake> {
    const fake = new StartedEmbeddedSalesforceFake(config);
    await fake.#listen();
    return fake;
  }

  async #listen(): Promise<void> {
    this.#port = await listen(this.#server, this.#host, this.#requestedPort, 'SalesforceFake');
    this.transcript.record('listening', { host: this.#host, port: this.#port });
    log('listening on %s', this.getUrl());
  }

  #onSocket(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('error', (error) => log('socket error: %s', error.message));
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const controller = new AbortController();
    res.once('close', () => controller.abort(new Error('SalesforceFake: request ended')));
    void (async () => {
      const request = await toFetchRequest(req, this.getUrl(), controller.signal);
      let response: Response;
      try {
        response = (await getResponse([...this.#overrides, ...this.#handlers], request)) ?? notFound();
      } catch (error) {
        if (controller.signal.aborted) return log('request abandoned: %s %s', req.method, new URL(request.url).pathname);
        log('handler threw: %O', error);
        response = unknownException();
      }
      await writeFetchResponse(res, response);
      this.#recordRequest(request, response.status, started);
    })().catch((error: unknown) => {
      log('cannot answer: %O', error);
      res.destroy();
    });
  }

  // The query string may carry client_secret or an assertion (Glue's TokenUrlParametersMap), so only the path.
  #recordRequest(request: Request, status: number, started: number): void {
    const path = new URL(request.url).pathname;
    const durationMs = Math.round(performance.now() - started);
    this.transcript.record('request', { method: request.method, path, status, durationMs });
    log('%s %s -> %s (%dms)', request.method, path, status, durationMs);
  }

  getHost(): string {
    return this.#host;
  }

  getPort(): number {
    return this.#port;
  }

  getUrl(): string {
    return this.formatUrl('http');
  }

  getTokenUrl(): string {
    return `${this.getUrl()}${TOKEN_PATH}`;
  }

  getInstanceUrl(): string {
    return this.getUrl();
  }

  use(...handlers: RequestHandler[]): void {
    this.#overrides = [...handlers, ...this.#overrides];
  }

  resetHandlers(): void {
    this.#overrides = [];
  }

  revokeAllTokens(): void {
    this.#tokens.revokeAll();
    this.transcript.record('revoked', {});
    log('revoked every token');
  }

  protected async close(): Promise<void> {
    await closeServer(this.#server, this.#sockets);
    log('stopped %s', this.getUrl());
  }
}
