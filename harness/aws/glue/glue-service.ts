import { defineService } from '../endpoint/emulated-service.ts';
import { glueMessages } from '../messages/glue-messages.ts';
import { connectionOperations, type ConnectionStore } from './connections/connection-operations.ts';
import { testConnection } from './test-connection/test-connection.ts';

/** AWS Glue (glue-2017-03-31): Data Catalog connections and TestConnection. */
export const glueService = defineService({
  name: 'glue',
  model: 'glue',
  internalErrorType: 'InternalServiceException',
  messages: glueMessages,
  createState: (): ConnectionStore => new Map(),
  operations: [...connectionOperations, testConnection],
});
