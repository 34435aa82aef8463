import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import createDebug from 'debug';
import { MessageCatalogue } from '../messages/message-catalogue.ts';
import { allMessages } from '../messages/all-messages.ts';
import { defaultEmulatorOptions, type EmulatorContext, type EmulatorOptions } from '../emulator-context.ts';
import { LambdaRegistry, type LambdaHandler } from '../lambda/lambda-registry.ts';
import { SecretStore } from '../secrets-manager/secret-store.ts';
import { secretsManagerService } from '../secrets-manager/secrets-manager-service.ts';
import { transferService } from '../transfer/transfer-service.ts';
import { glueService } from '../glue/glue-service.ts';
import type { EmulatedService, ServiceFactory } from './emulated-service.ts';
import { handleCall } from './handle-call.ts';
import { CallLog, type CallRecord } from './call-log.ts';
import { checkEndpointLimits, defaultEndpointLimits, type EndpointLimits } from './endpoint-limits.ts';
import { answerMalformedHttp, answerUnexpected } from './last-resort.ts';

const debug = createDebug('partner-harness:aws:endpoint');

const defaultServices: ServiceFactory[] = [secretsManagerService, transferService, glueService];

/**
 * A local AWS-compatible endpoint. Builder: configure with `with*()`, then `start()`.
 *
 * ```ts
 * await using aws = await new AwsEndpoint().withConnectTimeout(2000).start();
 * const client = new TransferClient({ endpoint: aws.getUrl(), ...aws.getClientConfig() });
 * ```
 */
export class AwsEndpoint {
  #host = '127.0.0.1';
  #port = 0;
  #options: EmulatorOptions = { ...defaultEmulatorOptions };
  #services: ServiceFactory[] = [...defaultServices];
  #limits: EndpointLimits = { ...defaultEndpointLimits };
  readonly #lambdas = new LambdaRegistry();

  withHost(host: string): this {
    this.#host = host;
    return this;
  }

  withPort(port: number): this {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`Invalid port ${port}: use an integer from 0 (OS-chosen) to 65535`);
    }
    this.#port = port;
    return this;
  }

  withOptions(options: Partial<EmulatorOptions>): this {
    this.#options = { ...this.#options, ...options };
    return this;
  }

  /** Request size, JSON nesting, call-log and call-record bounds (see EndpointLimits); checked here. */
  withLimits(limits: Partial<EndpointLimits>): this {
    const merged = { ...this.#limits, ...limits };
    checkEndpointLimits(merged);
    this.#limits = merged;
    return this;
  }

  withConnectTimeout(ms: number): this {
    return this.withOptions({ connectTimeoutMs: ms });
  }

  withMessageOverrides(overrides: Record<string, string>): this {
    return this.withOptions({ messageOverrides: { ...this.#options.messageOverrides, ...overrides } });
  }

  /** Registers a function the emulated services can invoke by ARN (an AWS_LAMBDA identity provider). */
  withLambda(arn: string, handler: LambdaHandler, options: { timeoutMs?: number } = {}): this {
    this.#lambdas.register(arn, handler, options);
    return this;
  }

  withService(factory: ServiceFactory): this {
    this.#services.push(factory);
    return this;
  }

  async start(): Promise<StartedAwsEndpoint> {
    // Built eagerly so an unknown override id fails start(), not the first call.
    const catalogue = new MessageCatalogue(allMessages).withOverrides(this.#options.messageOverrides);
    const context: EmulatorContext = { options: this.#options, catalogue, secrets: new SecretStore(), lambdas: this.#lambdas };
    const services = new Map<string, EmulatedService>();
    for (const factory of this.#services) {
      const service = factory(context);
      services.set(service.model.targetPrefix, service);
    }
    const limits = { ...this.#limits };
    const calls = new CallLog(limits.callLogSize);
    const sockets = new Set<Socket>();
    const server = createServer((req, res) => {
      const requestId = randomUUID();
      // handleCall answers every failure itself; this catch is for a bug in that, so that no
      // request can ever end the process with an unhandled rejection.
      handleCall(req, res, { services, context, limits, requestId }).then(
        (record) => {
          calls.add(record);
          debug('%s.%s -> %d (%dms)', record.service, record.operation, record.httpStatus, record.durationMs);
        },
        (error: unknown) => answerUnexpected(res, requestId, error),
      );
    });
    server.on('clientError', answerMalformedHttp);
    server.on('connection', (socket) => {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, this.#host, () => resolve());
    });
    const started = new StartedAwsEndpoint(server, sockets, this.#host, calls, context);
    debug('listening on %s', started.getUrl());
    return started;
  }
}

export class StartedAwsEndpoint implements AsyncDisposable {
  #stopped?: Promise<void>;

  constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    private readonly host: string,
    private readonly calls: CallLog,
    private readonly context: EmulatorContext,
  ) {}

  getHost(): string {
    return this.host;
  }

  getPort(): number {
    return (this.server.address() as AddressInfo).port;
  }

  getUrl(): string {
    return `http://${this.host}:${this.getPort()}`;
  }

  /** Settings for any AWS SDK v3 client: endpoint, region and dummy credentials. */
  getClientConfig(): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
  } {
    return {
      endpoint: this.getUrl(),
      region: this.context.options.defaultRegion,
      credentials: { accessKeyId: 'partner-harness', secretAccessKey: 'partner-harness' },
      // Retrying would repeat a TestConnection; AWS's own answer is what we want to see.
      maxAttempts: 1,
    };
  }

  /** The most recent calls (EndpointLimits.callLogSize of them), oldest first, redacted and bounded. */
  getCalls(): CallRecord[] {
    return this.calls.all();
  }

  /** A recent call by its `x-amzn-requestid`; undefined once the log has dropped it. */
  getCall(requestId: string): CallRecord | undefined {
    return this.calls.get(requestId);
  }

  getMessageCatalogue(): EmulatorContext['catalogue'] {
    return this.context.catalogue;
  }

  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      debug('stopped %s', this.host);
    });
    return this.#stopped;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
