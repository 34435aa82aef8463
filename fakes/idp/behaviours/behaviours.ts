import { httpError } from './http-error.ts';
import { invalidJson } from './invalid-json.ts';
import { malformed } from './malformed.ts';
import { secretsManagerToolkit } from './secrets-manager-toolkit.ts';
import { slow } from './slow.ts';
import { userTable } from './user-table.ts';

/** Ready-made provider behaviours; each returns msw handlers to spread into withBehaviour()/use(). */
export const behaviours = { userTable, httpError, slow, invalidJson, malformed, secretsManagerToolkit };
