export type JdbcEngine = 'postgresql' | 'mysql' | 'sqlserver' | 'oracle' | 'redshift' | 'snowflake';

export interface JdbcTarget {
  engine: JdbcEngine;
  host: string;
  port: number;
  database?: string;
  params: Record<string, string>;
}

export type JdbcParse = { ok: true; target: JdbcTarget } | { ok: false; reason: string };

const DEFAULT_PORTS: Record<JdbcEngine, number> = { postgresql: 5432, mysql: 3306, sqlserver: 1433, oracle: 1521, redshift: 5439, snowflake: 443 };

/**
 * Parses the JDBC URL forms Glue documents (connection-properties "JDBC URL"), plus the
 * driver-standard Oracle form `thin:@//` that AWS's own agent toolkit uses.
 */
export function parseJdbcUrl(url: string): JdbcParse {
  const scheme = /^jdbc:([a-z0-9]+)(?::thin)?:/.exec(url);
  if (!scheme) return fail('it must start with jdbc:<engine>:, e.g. jdbc:postgresql://host:5432/database');
  switch (scheme[1]) {
    case 'postgresql':
      return hostPortPath(url, 'jdbc:postgresql://', 'postgresql');
    case 'mysql':
    case 'mariadb':
      return hostPortPath(url, `jdbc:${scheme[1]}://`, 'mysql');
    case 'redshift':
      return hostPortPath(url, 'jdbc:redshift://', 'redshift');
    case 'snowflake':
      return snowflake(url);
    case 'sqlserver':
      return sqlServer(url);
    case 'oracle':
      return oracle(url);
    default:
      return fail(`unsupported engine '${scheme[1]}': use postgresql, mysql, mariadb, sqlserver, oracle, redshift or snowflake`);
  }
}

/** `jdbc:<engine>://host[:port]/database[?k=v&…]` */
function hostPortPath(url: string, prefix: string, engine: JdbcEngine): JdbcParse {
  if (!url.startsWith(prefix)) return fail(`expected ${prefix}host:port/database`);
  const match = /^([^/:?;]+|\[[0-9a-fA-F:]+\])(?::(\d+))?\/([^?;/]+)(?:\?(.*))?$/.exec(url.slice(prefix.length));
  if (!match) return fail(`expected ${prefix}host:port/database`);
  let database: string;
  try {
    database = decodeURIComponent(match[3]!);
  } catch {
    return fail(`the database name ${match[3]} has an invalid %-escape`);
  }
  return target(engine, match[1]!, match[2], database, parseQuery(match[4]));
}

function snowflake(url: string): JdbcParse {
  const match = /^jdbc:snowflake:\/\/([^/:?]+)(?::(\d+))?\/?(?:\?(.*))?$/.exec(url);
  if (!match) return fail('expected jdbc:snowflake://account.snowflakecomputing.com/?user=…&db=…');
  const params = parseQuery(match[3]);
  return target('snowflake', match[1]!, match[2], params.db, params);
}

/** `jdbc:sqlserver://host[:port];databaseName=db` or `;database=db` */
function sqlServer(url: string): JdbcParse {
  const match = /^jdbc:sqlserver:\/\/([^:;/]+)(?::(\d+))?((?:;[^;=]+=[^;]*)*);?$/.exec(url);
  if (!match) return fail('expected jdbc:sqlserver://host:port;databaseName=database');
  const params: Record<string, string> = {};
  for (const pair of match[3]!.split(';').filter(Boolean)) {
    const [key, value] = pair.split('=') as [string, string];
    params[key] = value;
  }
  return target('sqlserver', match[1]!, match[2], params.databaseName ?? params.database, params);
}

/**
 * Glue documents `jdbc:oracle:thin://@host:port/service_name` and `…:SID`; drivers use
 * `jdbc:oracle:thin:@//host:port/service` and `jdbc:oracle:thin:@host:port:SID`. All four parse.
 */
function oracle(url: string): JdbcParse {
  const match = /^jdbc:oracle:thin:(?:\/\/@|@\/\/|@)([^:/]+)(?::(\d+))?([/:])([^/:?]+)$/.exec(url);
  if (!match) return fail('expected jdbc:oracle:thin://@host:port/service_name or jdbc:oracle:thin://@host:port:SID');
  return target('oracle', match[1]!, match[2], match[4], { [match[3] === '/' ? 'serviceName' : 'sid']: match[4]! });
}

function target(engine: JdbcEngine, host: string, port: string | undefined, database: string | undefined, params: Record<string, string>): JdbcParse {
  const number = port === undefined ? DEFAULT_PORTS[engine] : Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535) return fail(`port ${port} is out of range`);
  return { ok: true, target: { engine, host: host.replace(/^\[|\]$/g, ''), port: number, database, params } };
}

function parseQuery(query: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(query ?? '').entries());
}

function fail(reason: string): JdbcParse {
  return { ok: false, reason };
}

/** JDBC_ENGINE values Glue uses with HOST/PORT (RDS-style connections). */
export function engineFromName(name: string): JdbcEngine | undefined {
  const engines: Record<string, JdbcEngine> = {
    postgres: 'postgresql', postgresql: 'postgresql', 'aurora-postgresql': 'postgresql',
    mysql: 'mysql', mariadb: 'mysql', aurora: 'mysql', 'aurora-mysql': 'mysql',
    sqlserver: 'sqlserver', oracle: 'oracle', redshift: 'redshift',
  };
  return engines[name.toLowerCase()];
}
