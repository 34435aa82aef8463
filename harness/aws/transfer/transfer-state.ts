import type { ConnectorStore } from './connectors/connector-store.ts';
import type { ServerStore } from './servers/server-store.ts';

/** What Transfer's operations share on one endpoint. */
export interface TransferState {
  readonly connectors: ConnectorStore;
  readonly servers: ServerStore;
}
