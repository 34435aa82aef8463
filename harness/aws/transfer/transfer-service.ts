import { defineService } from '../endpoint/emulated-service.ts';
import { identityProviderMessages } from '../messages/identity-provider-messages.ts';
import { transferMessages } from '../messages/transfer-messages.ts';
import { connectorOperations } from './connectors/connector-operations.ts';
import { ConnectorStore } from './connectors/connector-store.ts';
import { testIdentityProvider } from './identity-provider/test-identity-provider.ts';
import { accessOperations } from './servers/access-operations.ts';
import { serverOperations } from './servers/server-operations.ts';
import { ServerStore } from './servers/server-store.ts';
import { userOperations } from './servers/user-operations.ts';
import { testConnection } from './test-connection/test-connection.ts';
import type { TransferState } from './transfer-state.ts';

/** AWS Transfer Family (transfer-2018-11-05): SFTP connectors, servers and users, and the two test operations. */
export const transferService = defineService({
  name: 'transfer',
  model: 'transfer',
  messages: [...transferMessages, ...identityProviderMessages],
  createState: (): TransferState => ({ connectors: new ConnectorStore(), servers: new ServerStore() }),
  operations: [...connectorOperations, testConnection, ...serverOperations, ...userOperations, ...accessOperations, testIdentityProvider],
});
