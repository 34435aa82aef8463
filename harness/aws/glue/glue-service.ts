import type { ServiceFactory } from '../endpoint/emulated-service.ts';
import { ServiceModel } from '../model/service-model.ts';
import { connectionOperations, type ConnectionStore } from './connections/connection-operations.ts';
import { testConnection } from './test-connection/test-connection.ts';

/** AWS Glue (glue-2017-03-31): Data Catalog connections and TestConnection. */
export const glueService: ServiceFactory = (context) => {
  const connections: ConnectionStore = new Map();
  return {
    name: 'glue',
    internalErrorType: 'InternalServiceException',
    model: ServiceModel.forService('glue'),
    operations: {
      ...connectionOperations(connections),
      TestConnection: testConnection(connections, context),
    },
  };
};
