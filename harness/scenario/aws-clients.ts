import * as glue from '@aws-sdk/client-glue';
import * as secretsManager from '@aws-sdk/client-secrets-manager';
import * as transfer from '@aws-sdk/client-transfer';

/** Where the SDK clients point: the emulated endpoint, or real AWS (mode `aws`). */
export type ClientTarget =
  | { mode: 'emulated'; endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } }
  | { mode: 'aws'; region?: string };

type SdkModule = Record<string, unknown>;
interface SdkClient {
  send(command: unknown): Promise<unknown>;
  destroy(): void;
}

const modules: Record<string, { module: SdkModule; client: string }> = {
  transfer: { module: transfer as unknown as SdkModule, client: 'TransferClient' },
  secretsmanager: { module: secretsManager as unknown as SdkModule, client: 'SecretsManagerClient' },
  glue: { module: glue as unknown as SdkModule, client: 'GlueClient' },
};

export interface CallOutcome {
  requestId?: string;
  response?: Record<string, unknown>;
  error?: { name: string; message: string; httpStatus?: number };
}

/**
 * The real AWS SDK v3 clients, one per service, resolved by name so scenarios can call any
 * operation as `service:Operation`.
 */
export class AwsClients {
  readonly #clients = new Map<string, SdkClient>();

  constructor(private readonly target: ClientTarget) {}

  static services(): string[] {
    return Object.keys(modules);
  }

  async call(service: string, operation: string, input: Record<string, unknown>): Promise<CallOutcome> {
    const entry = modules[service];
    if (!entry) throw new Error(`Unknown service '${service}': use one of ${Object.keys(modules).join(', ')}`);
    const Command = entry.module[`${operation}Command`] as (new (input: unknown) => unknown) | undefined;
    if (!Command) throw new Error(`The ${service} SDK has no operation '${operation}'`);
    try {
      const output = (await this.#client(service).send(new Command(input))) as Record<string, unknown> & {
        $metadata?: { requestId?: string };
      };
      const { $metadata, ...response } = output;
      return { requestId: $metadata?.requestId, response };
    } catch (caught) {
      const error = caught as Error & { $metadata?: { httpStatusCode?: number; requestId?: string } };
      if (!error.$metadata) throw error;
      return {
        requestId: error.$metadata.requestId,
        error: { name: error.name, message: error.message, httpStatus: error.$metadata.httpStatusCode },
      };
    }
  }

  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }

  #client(service: string): SdkClient {
    let client = this.#clients.get(service);
    if (!client) {
      const { module, client: name } = modules[service]!;
      const Client = module[name] as new (config: unknown) => SdkClient;
      const config =
        this.target.mode === 'emulated'
          ? { endpoint: this.target.endpoint, region: this.target.region, credentials: this.target.credentials, maxAttempts: 1 }
          : { region: this.target.region, maxAttempts: 1 };
      client = new Client(config);
      this.#clients.set(service, client);
    }
    return client;
  }
}
