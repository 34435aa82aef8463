import { glueMessages } from './glue-messages.ts';
import { identityProviderMessages } from './identity-provider-messages.ts';
import { secretsManagerMessages } from './secrets-manager-messages.ts';
import { transferMessages } from './transfer-messages.ts';

export const allMessages = [...secretsManagerMessages, ...transferMessages, ...identityProviderMessages, ...glueMessages];
