import { defineDbKind } from './db-kind.ts';

/**
 * `kind: mysql`: a real MariaDB server (MysqlFake). npm has no MySQL server binaries, so a run in
 * the embedded runtime uses the system's engine (process).
 */
export const mysqlKind = defineDbKind('mysql', 'mysql', async () => new (await import('./mysql-fake.ts')).MysqlFake(), ['process', 'container']);
