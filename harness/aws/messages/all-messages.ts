import { secretsManagerMessages } from './secrets-manager-messages.ts';
import { transferMessages } from './transfer-messages.ts';

export const allMessages = [...secretsManagerMessages, ...transferMessages];
