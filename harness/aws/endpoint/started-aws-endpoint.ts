import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import createDebug from 'debug';
import type { EmulatorContext } from '../emulator-context.ts';
import type { CallLog, CallRecord } from './call-log.ts';

const debug = createDebug('partner-harness:aws:endpoint');

/** A listening endpoint: its address, SDK client settings, the recent calls; `stop()` is idempotent. */
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

  /** Calls `listener` with each call's record (redacted) as it completes; returns the unsubscribe. */
  onCall(listener: (record: CallRecord) => void): () => void {
    return this.calls.onAdd(listener);
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
