import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import createDebug from 'debug';
import { getResponse, type RequestHandler } from 'msw';
import { closeServer } from '../shared/close-server.ts';
import { toFetchRequest, writeFetchResponse } from '../shared/http-bridge.ts';
import { listen } from '../shared/listen.ts';
import { SocketSet } from '../shared/socket-set.ts';
import { StartedFakeBase } from '../shared/started-fake.ts';
import { flattenHandlers } from './handlers.ts';
import { credentialHeaders } from './idp-request.ts';
import { internalServerError, missingAuthenticationToken } from './idp-route.ts';
import { lambdaRequest, lambdaResult, validateEvent, type TransferAuthEvent } from './lambda-bridge.ts';
import type { StartedIdpFake } from './started-idp-fake.ts';

const log = createDebug('partner-harness:fake:idp');

export interface EmbeddedIdpFakeConfig {
  host: string;
  port: number;
  stage: string;
  handlers: readonly RequestHandler[];
}

/** The in-process fake: a node:http server resolving each request with msw's getResponse(). */
export class StartedEmbeddedIdpFake extends StartedFakeBase implements StartedIdpFake {
  readonly #config: EmbeddedIdpFakeConfig;
  readonly #server: Server;
  readonly #sockets = new SocketSet();
  /** One per request being answered, so stop() can cut short handlers that wait. */
  readonly #inflight = new Set<AbortController>();
  #overrides: RequestHandler[] = [];
  #port = 0;

  private constructor(config: EmbeddedIdpFakeConfig) {
    super();
    this.#config = config;
    this.#server = createServer((req, res) => this.#onRequest(req, res));
    this.#server.on('connection', (socket) => this.#onSocket(socket));
  }

  static async start(config: EmbeddedIdpFakeConfig): Promise<StartedEmbeddedIdpFake> {
    const fake = new StartedEmbeddedIdpFake(config);
    await fake.#listen();
    return fake;
  }

  async #listen(): Promise<void> {
    const { host, port } = this.#config;
    this.#port = await listen(this.#server, host, port, 'IdpFake');
    this.transcript.record('listening', { host, port: this.#port, stage: this.#config.stage });
    log('listening on %s', this.getUrl());
  }

  #onSocket(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('error', (error) => log('socket error: %s', error.message));
  }

  #onRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const controller = this.#track();
    // 'close' also fires after a normal finish; aborting then is harmless.
    res.once('close', () => this.#untrack(controller));
    void (async () => {
      const request = await toFetchRequest(req, this.#origin(), controller.signal);
      let response: Response;
      try {
        response = await this.#resolve(request);
      } catch (error) {
        if (controller.signal.aborted) return log('request abandoned: %s %s', req.method, new URL(request.url).pathname);
        log('handler threw: %O', error);
        response = internalServerError();
      }
      await writeFetchResponse(res, response);
      this.#record('http', request, response.status, started);
    })().catch((error: unknown) => {
      log('cannot answer: %O', error);
      res.destroy();
    });
  }

  async #resolve(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const stage = `/${this.#config.stage}`;
    if (pathname !== stage && !pathname.startsWith(`${stage}/`)) return missingAuthenticationToken();
    const response = await getResponse([...this.#overrides, ...this.#config.handlers], request);
    return response ?? missingAuthenticationToken();
  }

  #record(via: 'http' | 'lambda', request: Request, status: number | 'error', started: number): void {
    const url = new URL(request.url);
    const durationMs = Math.round(performance.now() - started);
    this.transcript.record('request', {
      via,
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...credentialHeaders(request.headers),
      status,
      durationMs,
    });
    log('%s %s %s -> %s (%dms)', via, request.method, url.pathname, status, durationMs);
  }

  #track(): AbortController {
    const controller = new AbortController();
    this.#inflight.add(controller);
    return controller;
  }

  #untrack(controller: AbortController): void {
    controller.abort(new Error('IdpFake: request ended'));
    this.#inflight.delete(controller);
  }

  #origin(): string {
    const host = this.#config.host.includes(':') ? `[${this.#config.host}]` : this.#config.host;
    return `http://${host}:${this.#port}`;
  }

  getHost(): string {
    return this.#config.host;
  }

  getPort(): number {
    return this.#port;
  }

  getUrl(): string {
    return `${this.#origin()}/${this.#config.stage}`;
  }

  use(...handlers: Array<RequestHandler | readonly RequestHandler[]>): void {
    this.#overrides = [...flattenHandlers(handlers, 'use'), ...this.#overrides];
  }

  resetHandlers(): void {
    this.#overrides = [];
  }

  async invokeAsLambda(event: TransferAuthEvent): Promise<unknown> {
    if (this.isStopping) throw new Error('IdpFake: invokeAsLambda after stop(); start a new fake');
    validateEvent(event);
    const started = performance.now();
    const controller = this.#track();
    const request = lambdaRequest(this.getUrl(), event, controller.signal);
    let response: Response;
    try {
      response = await this.#resolve(request);
    } catch (error) {
      this.#record('lambda', request, 'error', started);
      throw error;
    } finally {
      this.#untrack(controller);
    }
    this.#record('lambda', request, response.status, started);
    return lambdaResult(response);
  }

  protected async close(): Promise<void> {
    for (const controller of this.#inflight) controller.abort(new Error('IdpFake: stopped'));
    this.#inflight.clear();
    await closeServer(this.#server, this.#sockets);
    log('stopped %s', this.getUrl());
  }
}
