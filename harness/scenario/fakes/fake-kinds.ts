import { mysqlKind } from '../../../fakes/db/mysql-kind.ts';
import { postgresKind } from '../../../fakes/db/postgres-kind.ts';
import { idpKind } from '../../../fakes/idp/idp-kind.ts';
import { salesforceKind } from '../../../fakes/oauth/salesforce-kind.ts';
import { sftpKind } from '../../../fakes/sftp/sftp-kind.ts';
import { FakeKindRegistry } from './fake-kind-registry.ts';

/**
 * The kinds of fake every scenario can declare, one line each. A new kind is a folder in fakes/
 * exporting its defineFakeKind() and a line here; a user's kinds come from their config.
 */
export const FAKE_KINDS = FakeKindRegistry.of([
  sftpKind,
  idpKind,
  postgresKind,
  mysqlKind,
  salesforceKind,
]);
