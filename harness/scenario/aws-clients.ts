import { createRequire } from 'node:module';

/**
 * Where the SDK clients point: the emulated endpoint, or real AWS (mode `aws`) with the default
 * credential chain, or in that mode another endpoint (`endpoint`: a second emulator standing in
 * for AWS, as calibrate's tests do; the SDK's own AWS_ENDPOINT_URL works too).
 */
export type ClientTarget =
  | { mode: 'emulated'; endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } }
  /** `requestTimeoutMs`: how long one call may wait for an answer (default 120 s; a silent target must not hang a run). */
  | { mode: 'aws'; region?: string; endpoint?: string; requestTimeoutMs?: number };

type SdkModule = Record<string, unknown>;
interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}

// Each SDK takes a tenth of a second to load: a scenario loads only those it calls. Required,
// not imported: the clients are CommonJS bundles, and import() would first scan each one for
// its export names (a third of the load time).
const require = createRequire(import.meta.url);
const modules: Record<string, { load: () => unknown; client: string }> = {
  transfer: { load: () => require('@aws-sdk/client-transfer'), client: 'TransferClient' },
  secretsmanager: { load: () => require('@aws-sdk/client-secrets-manager'), client: 'SecretsManagerClient' },
  glue: { load: () => require('@aws-sdk/client-glue'), client: 'GlueClient' },
  ec2: { load: () => require('@aws-sdk/client-ec2'), client: 'EC2Client' },
};

export interface CallOutcome {
  requestId?: string;
  /** The answer's HTTP status, an error's or a success's. */
  httpStatus?: number;
  response?: Record<string, unknown>;
  error?: { name: string; message: string; httpStatus?: number };
}

/**
 * The real AWS SDK v3 clients, one per service, resolved by name so scenarios can call any
 * operation as `service:Operation`.
 */
export class AwsClients {
  readonly #clients = new Map<string, { module: SdkModule; client: SdkClient }>();

  constructor(private readonly target: ClientTarget) {}

  static services(): string[] {
    return Object.keys(modules);
  }

  async call(service: string, operation: string, input: Record<string, unknown>): Promise<CallOutcome> {
    const entry = modules[service];
    if (!entry) throw new Error(`Unknown service '${service}': use one of ${Object.keys(modules).join(', ')}`);
    const { module, client } = this.#client(service);
    const Command = module[`${operation}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`The ${service} SDK has no operation '${operation}'`);
    try {
      const output = (await client.send(new Command(input))) as Record<string, unknown> & {
        $metadata?: { requestId?: string; httpStatusCode?: number };
      };
      const { $metadata, ...response } = output;
      return { requestId: $metadata?.requestId, httpStatus: $metadata?.httpStatusCode, response };
    } catch (caught) {
      const error = caught as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
      if (!error.$metadata) throw error;
      return {
        requestId: error.$metadata.requestId,
        httpStatus: error.$metadata.httpStatusCode,
        error: { name: error.name, message: error.message, httpStatus: error.$metadata.httpStatusCode },
      };
    }
  }

  destroy(): void {
    for (const { client } of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #client(service: string): { module: SdkModule; client: SdkClient } {
    let entry = this.#clients.get(service);
    if (!entry) {
      const { load, client: name } = modules[service]!;
      const module = load() as SdkModule;
      const Client = module[name] as new (config: unknown) => SdkClient;
      const config =
        this.target.mode === 'emulated'
          ? { endpoint: this.target.endpoint, region: this.target.region, credentials: this.target.credentials, maxAttempts: 1 }
          : {
              region: this.target.region,
              maxAttempts: 1,
              ...(this.target.endpoint ? { endpoint: this.target.endpoint } : {}),
              // The SDK waits forever by default: a target that accepts and never answers would hang.
              requestHandler: { connectionTimeout: 10_000, requestTimeout: this.target.requestTimeoutMs ?? 120_000, throwOnRequestTimeout: true },
            };
      entry = { module, client: new Client(config) };
      this.#clients.set(service, entry);
    }
    return entry;
  }
}
