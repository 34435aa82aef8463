import type { ServiceFactory } from '../endpoint/emulated-service.ts';
import { ServiceModel } from '../model/service-model.ts';
import { connectorOperations } from './connectors/connector-operations.ts';
import { ConnectorStore } from './connectors/connector-store.ts';
import { testConnection } from './test-connection/test-connection.ts';

/** AWS Transfer Family (transfer-2018-11-05): SFTP connectors and TestConnection. */
export const transferService: ServiceFactory = (context) => {
  const connectors = new ConnectorStore();
  return {
    name: 'transfer',
    model: ServiceModel.forService('transfer'),
    operations: {
      ...connectorOperations(connectors),
      TestConnection: testConnection(connectors, context),
    },
  };
};
