import { defineService } from '../endpoint/emulated-service.ts';
import { secretsManagerMessages } from '../messages/secrets-manager-messages.ts';
import { secretOperations } from './secret-operations.ts';

/** Secrets Manager (secretsmanager-2017-10-17): the calls connectors and scenarios need. Its secrets are the account's, which Transfer and Glue read too. */
export const secretsManagerService = defineService({
  name: 'secretsmanager',
  model: 'secretsmanager',
  messages: secretsManagerMessages,
  createState: (context) => context.secrets,
  operations: secretOperations,
});
