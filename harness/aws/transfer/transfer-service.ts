import type { ServiceFactory } from '../endpoint/emulated-service.ts';
import { ServiceModel } from '../model/service-model.ts';
import { connectorOperations } from './connectors/connector-operations.ts';
import { ConnectorStore } from './connectors/connector-store.ts';
import { testIdentityProvider } from './identity-provider/test-identity-provider.ts';
import { serverOperations } from './servers/server-operations.ts';
import { ServerStore } from './servers/server-store.ts';
import { userOperations } from './servers/user-operations.ts';
import { testConnection } from './test-connection/test-connection.ts';

/** AWS Transfer Family (transfer-2018-11-05): SFTP connectors, servers and users, and the two test operations. */
export const transferService: ServiceFactory = (context) => {
  const connectors = new ConnectorStore();
  const servers = new ServerStore();
  return {
    name: 'transfer',
    model: ServiceModel.forService('transfer'),
    operations: {
      ...connectorOperations(connectors),
      TestConnection: testConnection(connectors, context),
      ...serverOperations(servers),
      ...userOperations(servers),
      TestIdentityProvider: testIdentityProvider(servers, context),
    },
  };
};
