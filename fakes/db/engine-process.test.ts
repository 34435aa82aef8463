import { describe, expect, it } from 'vitest';
import { toolFailureLines } from './engine-process.ts';

// mariadb-install-db's output when another engine starting in the same tmpdir deleted its tables.
const MARIADB_INSTALL_FAILED = [
  "Installing MariaDB/MySQL system tables in '/tmp/partner-harness-db-qXtv6f/data' ...",
  "2026-12-01 19:37:34 1 [Warning] Could not remove temporary table: '/tmp/#sql-temptable-3be0-1-4', error: 2",
  "ERROR: 1051  Unknown table 'mysql.tmp_user_sys'",
  '2026-12-01 19:37:34 0 [ERROR] Aborting',
  'Installation of system tables failed!  Examine the logs in',
  '/tmp/partner-harness-db-qXtv6f/data for more information.',
  'The problem could be conflicting information in an external',
  'my.cnf files. You can ignore these by doing:',
  '    shell> /usr/bin/mariadb-install-db --defaults-file=~/.my.cnf',
  'You can also try to start the mariadbd daemon with:',
  '    shell> /usr/sbin/mariadbd --skip-grant-tables --general-log &',
  'and use the command line tool /usr/bin/mariadb',
  'to connect to the mysql database and look at the grant tables:',
  '    shell> /usr/bin/mariadb -u root mysql',
  '    MariaDB> show tables;',
  "Try '/usr/sbin/mariadbd --help' if you have problems with paths.  Using",
  '--general-log gives you a log in /tmp/partner-harness-db-qXtv6f/data that may be helpful.',
  'The latest information about mysql_install_db is available at',
  'https://mariadb.com/docs/server/clients-and-utilities/deployment-tools/mariadb-install-db',
];

describe('toolFailureLines', () => {
  it("shows a failed tool's output from just before its first error, not only its closing advice", () => {
    const shown = toolFailureLines(MARIADB_INSTALL_FAILED);
    expect(shown[0]).toMatch(/^Installing MariaDB/);
    expect(shown).toContain("ERROR: 1051  Unknown table 'mysql.tmp_user_sys'");
    expect(shown.some((line) => line.includes('Could not remove temporary table'))).toBe(true);
    expect(shown).toHaveLength(15);
  });

  it('finds lower-case tool errors (initdb: error: …) and FATAL lines', () => {
    const initdb = ['The files belonging to this database system will be owned by user "postgres".', 'fixing permissions on existing directory ... ok', 'initdb: error: directory "/tmp/x/data" exists but is not empty', 'hint: remove it'];
    expect(toolFailureLines(initdb)).toEqual(initdb);
    expect(toolFailureLines(['a', 'b', 'c', 'FATAL: could not create lock file', 'd'])).toEqual(['b', 'c', 'FATAL: could not create lock file', 'd']);
  });

  it('shows the last lines when none names an error', () => {
    const lines = Array.from({ length: 30 }, (_, index) => `line ${index}`);
    expect(toolFailureLines(lines)).toEqual(lines.slice(-15));
  });
});
