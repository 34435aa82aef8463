import { defaultEmulatorOptions, type EmulatorContext, type EmulatorOptions } from './emulator-context.ts';
import { emulatedServices } from './emulated-services.ts';
import type { AnyOperation } from './endpoint/define-operation.ts';
import type { EmulatedService } from './endpoint/emulated-service.ts';
import { checkEndpointLimits, defaultEndpointLimits, type EndpointLimits } from './endpoint/endpoint-limits.ts';
import { startEndpoint } from './endpoint/start-endpoint.ts';
import type { StartedAwsEndpoint } from './endpoint/started-aws-endpoint.ts';
import { LambdaRegistry, type LambdaHandler } from './lambda/lambda-registry.ts';
import { MessageCatalogue } from './messages/message-catalogue.ts';
import { DirectoryStore, type Directory, type DirectorySpec } from './directory/directory-store.ts';
import { S3ObjectStore } from './s3/s3-object-store.ts';
import { SecretStore } from './secrets-manager/secret-store.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/**
 * A local AWS-compatible endpoint emulating Secrets Manager, Transfer Family and Glue, plus
 * any service or operation added with `withService()`/`withOperations()`. Builder: configure
 * with `with*()`, then `start()`.
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
  #services: EmulatedService[] = [...emulatedServices];
  #limits: EndpointLimits = { ...defaultEndpointLimits };
  readonly #lambdas = new LambdaRegistry();
  readonly #objects = new S3ObjectStore();
  readonly #observed: Array<{ texts: Record<string, string>; source: string }> = [];
  readonly #directories = new DirectoryStore();

  withHost(host: string): this {
    this.#host = host;
    return this;
  }

  withPort(port: number): this {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new InvalidOptionError(`Invalid port ${port}: use an integer from 0 (OS-chosen) to 65535`);
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

  /** Replaces catalogue texts by id (a text a real partner showed you); an unknown id fails `start()`. */
  withMessageOverrides(overrides: Record<string, string>): this {
    return this.withOptions({ messageOverrides: { ...this.#options.messageOverrides, ...overrides } });
  }

  /**
   * Texts the real service answered (a messages file `partner-harness calibrate` wrote): the
   * entries get provenance `observed` and `source` as their source. Overrides from
   * `withMessageOverrides` still win; an unknown id fails `start()`.
   */
  withObservedMessages(texts: Record<string, string>, source: string): this {
    this.#observed.push({ texts: { ...texts }, source });
    return this;
  }

  /** Registers a function the emulated services can invoke by ARN (an AWS_LAMBDA identity provider). */
  withLambda(arn: string, handler: LambdaHandler, options: { timeoutMs?: number } = {}): this {
    this.#lambdas.register(arn, handler, options);
    return this;
  }

  /**
   * Places an object the emulated services read from S3 (Glue's CUSTOM_JDBC_CERT root
   * certificate), as you would upload it. S3 is not emulated on the wire; in AWS, upload it.
   */
  withS3Object(location: string, body: string | Uint8Array): this {
    this.#objects.put(location, body);
    return this;
  }

  /**
   * Declares a Directory Service directory (users, their passwords and groups) for Transfer
   * servers of type AWS_DIRECTORY_SERVICE; the Directory Service API itself is not emulated.
   * Returns its id and the groups' SIDs, which CreateAccess's ExternalId names.
   */
  withDirectory(spec: DirectorySpec, directoryId?: string): Directory {
    return this.#directories.add(spec, directoryId);
  }

  /** Emulates one more service (see `defineService`); its name must be new. */
  withService<State>(service: EmulatedService<State>): this {
    if (this.#services.some((known) => known.name === service.name)) {
      throw new InvalidOptionError(`The endpoint already emulates a service named ${service.name}: use withOperations('${service.name}', ...) to add operations to it`);
    }
    this.#services.push(service);
    return this;
  }

  /**
   * Adds operations to a service already emulated (`transfer`, `glue`, `secretsmanager` or one
   * added with `withService()`), e.g. one the harness does not emulate yet. Input is validated
   * against the service's model where the model has the operation; an operation it lacks gets
   * the request's JSON as sent. The service's state is its own business: they see it as `unknown`.
   */
  withOperations(serviceName: string, ...operations: AnyOperation[]): this {
    const index = this.#services.findIndex((service) => service.name === serviceName);
    const service = this.#services[index];
    if (!service) {
      throw new InvalidOptionError(`No emulated service named ${serviceName}: the endpoint has ${this.#services.map((s) => s.name).join(', ')}`);
    }
    const merged = [...service.operations];
    for (const operation of operations) {
      if (merged.some((known) => known.name === operation.name)) {
        throw new InvalidOptionError(`${serviceName} already emulates ${operation.name}; give your operation another name or leave it out`);
      }
      merged.push(operation);
    }
    this.#services[index] = { ...service, operations: merged };
    return this;
  }

  async start(): Promise<StartedAwsEndpoint> {
    // Built eagerly so an unknown override id fails start(), not the first call.
    const builtIn = new MessageCatalogue(this.#services.flatMap((service) => service.messages));
    const observed = this.#observed.reduce((current, { texts, source }) => current.withOverrides(texts, source, 'observed'), builtIn);
    const catalogue = observed.withOverrides(this.#options.messageOverrides);
    const context: EmulatorContext = { options: this.#options, catalogue, secrets: new SecretStore(), lambdas: this.#lambdas, objects: this.#objects, directories: this.#directories };
    return startEndpoint({ host: this.#host, port: this.#port, services: [...this.#services], context, limits: { ...this.#limits } });
  }
}
