import { InvalidOptionError } from '../../../core/errors/index.ts';
import { parseJdbcUrl } from '../../aws/glue/test-connection/jdbc-url.ts';
import type { DatabaseTarget } from './database-server-scan.ts';

const EXPECTED = 'jdbc:postgresql://host[:port]/database (port 5432 by default) or jdbc:mysql://host[:port]/database (also jdbc:mariadb://, port 3306)';
const FIX = 'Give credentials apart from the URL (the password from an environment variable), never inside it';

/**
 * The server a `probe jdbc:…` argument names. Credentials in the URL (`user:pass@`, `?password=`,
 * `?user=`) are refused without repeating them: a URL ends up in shell history and CI logs.
 */
export function parseJdbcTarget(text: string): DatabaseTarget {
  const authority = /^jdbc:[a-z0-9]+:\/\/([^/?;]*)/i.exec(text)?.[1] ?? '';
  if (authority.includes('@')) throw new InvalidOptionError('the JDBC URL carries credentials before the host (user:password@)', { fix: FIX });
  const query = text.includes('?') ? new URLSearchParams(text.slice(text.indexOf('?') + 1)) : undefined;
  const credentialKeys = [...(query?.keys() ?? [])].filter((key) => /^user$|password/i.test(key));
  if (credentialKeys.length > 0) throw new InvalidOptionError(`the JDBC URL carries credentials (${credentialKeys.join(', ')})`, { fix: FIX });
  // The probe's own login and Glue's test must reach the same database: the one the Glue
  // connection names (without one, each driver would pick its own default).
  if (/^jdbc:(postgresql|mysql|mariadb):\/\/[^/?;]+\/?$/.test(text)) {
    throw new InvalidOptionError('the JDBC URL names no database', { fix: `Give the database the Glue connection names, e.g. ${text.replace(/\/?$/, '/orders')}` });
  }
  const parsed = parseJdbcUrl(text);
  if (!parsed.ok) throw new InvalidOptionError(`cannot read the JDBC URL: ${parsed.reason}`, { fix: `Expected ${EXPECTED}` });
  const { engine, host, port, database } = parsed.target;
  if (engine !== 'postgresql' && engine !== 'mysql') throw new InvalidOptionError(`probe cannot scan ${engine} servers`, { fix: `Expected ${EXPECTED}` });
  return { engine, host, port, ...(database === undefined ? {} : { database }) };
}
