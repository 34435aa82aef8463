import { defineDbKind } from './db-kind.ts';
import { MysqlFake } from './mysql-fake.ts';

/**
 * `kind: mysql`: a real MariaDB server (MysqlFake). npm has no MySQL server binaries, so a run in
 * the embedded runtime uses the system's engine (process).
 */
export const mysqlKind = defineDbKind('mysql', 'mysql', () => new MysqlFake(), ['process', 'container']);
