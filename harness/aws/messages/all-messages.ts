import { glueMessages } from './glue-messages.ts';
import { identityProviderMessages } from './identity-provider-messages.ts';
import { secretsManagerMessages } from './secrets-manager-messages.ts';
import { transferMessages } from './transfer-messages.ts';

/** Every text the built-in services answer with. */
export const allMessages = [...secretsManagerMessages, ...transferMessages, ...identityProviderMessages, ...glueMessages];

/** The id of a built-in catalogue entry: what `scope.message()` accepts, so a typo fails `tsc`. */
export type MessageId = (typeof allMessages)[number]['id'];
