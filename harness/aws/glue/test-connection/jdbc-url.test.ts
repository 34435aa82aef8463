import { describe, expect, it } from 'vitest';
import { engineFromName, parseJdbcUrl, type JdbcTarget } from './jdbc-url.ts';

describe('parseJdbcUrl', () => {
  // Every form of Glue's connection-properties "JDBC URL" table, plus the driver-standard Oracle forms.
  it.each<[string, string, JdbcTarget]>([
    ['postgresql', 'jdbc:postgresql://db.partner.test:5433/employee', { engine: 'postgresql', host: 'db.partner.test', port: 5433, database: 'employee', params: {} }],
    ['mysql', 'jdbc:mysql://db.partner.test:3307/employee', { engine: 'mysql', host: 'db.partner.test', port: 3307, database: 'employee', params: {} }],
    ['mariadb (mysql engine)', 'jdbc:mariadb://db.partner.test:3308/employee', { engine: 'mysql', host: 'db.partner.test', port: 3308, database: 'employee', params: {} }],
    [
      'redshift',
      'jdbc:redshift://xxx.us-east-1.redshift.amazonaws.com:8192/dev',
      { engine: 'redshift', host: 'xxx.us-east-1.redshift.amazonaws.com', port: 8192, database: 'dev', params: {} },
    ],
    [
      'snowflake with ?db=',
      'jdbc:snowflake://acct.snowflakecomputing.com/?user=loader&db=sales&role=etl&warehouse=wh',
      {
        engine: 'snowflake',
        host: 'acct.snowflakecomputing.com',
        port: 443,
        database: 'sales',
        params: { user: 'loader', db: 'sales', role: 'etl', warehouse: 'wh' },
      },
    ],
    [
      'sqlserver ;databaseName=',
      'jdbc:sqlserver://sql.partner.test:1434;databaseName=hr',
      { engine: 'sqlserver', host: 'sql.partner.test', port: 1434, database: 'hr', params: { databaseName: 'hr' } },
    ],
    [
      'sqlserver ;database= with more properties',
      'jdbc:sqlserver://sql.partner.test:1434;database=hr;encrypt=true',
      { engine: 'sqlserver', host: 'sql.partner.test', port: 1434, database: 'hr', params: { database: 'hr', encrypt: 'true' } },
    ],
    [
      'oracle thin://@host:port/service (Glue docs)',
      'jdbc:oracle:thin://@ora.partner.test:1522/orclpdb',
      { engine: 'oracle', host: 'ora.partner.test', port: 1522, database: 'orclpdb', params: { serviceName: 'orclpdb' } },
    ],
    [
      'oracle thin://@host:port:SID (Glue docs)',
      'jdbc:oracle:thin://@ora.partner.test:1522:ORCL',
      { engine: 'oracle', host: 'ora.partner.test', port: 1522, database: 'ORCL', params: { sid: 'ORCL' } },
    ],
    [
      'oracle thin:@//host:port/service (driver form)',
      'jdbc:oracle:thin:@//ora.partner.test:1522/orclpdb',
      { engine: 'oracle', host: 'ora.partner.test', port: 1522, database: 'orclpdb', params: { serviceName: 'orclpdb' } },
    ],
    [
      'oracle thin:@host:port:SID (driver form)',
      'jdbc:oracle:thin:@ora.partner.test:1522:ORCL',
      { engine: 'oracle', host: 'ora.partner.test', port: 1522, database: 'ORCL', params: { sid: 'ORCL' } },
    ],
  ])('parses %s', (_label, url, expected) => {
    expect(parseJdbcUrl(url)).toEqual({ ok: true, target: expected });
  });

  it.each([
    ['jdbc:postgresql://db.partner.test/employee', 'postgresql', 5432],
    ['jdbc:mysql://db.partner.test/employee', 'mysql', 3306],
    ['jdbc:mariadb://db.partner.test/employee', 'mysql', 3306],
    ['jdbc:redshift://cluster.partner.test/dev', 'redshift', 5439],
    ['jdbc:sqlserver://sql.partner.test;databaseName=hr', 'sqlserver', 1433],
    ['jdbc:snowflake://acct.snowflakecomputing.com/?db=sales', 'snowflake', 443],
  ])('uses the engine default port when %s omits it', (url, engine, port) => {
    const parsed = parseJdbcUrl(url);
    expect(parsed.ok && parsed.target).toMatchObject({ engine, port });
  });

  it('accepts a bracketed IPv6 host and drops the brackets, with or without a port', () => {
    expect(parseJdbcUrl('jdbc:postgresql://[::1]:5433/employee')).toEqual({
      ok: true,
      target: { engine: 'postgresql', host: '::1', port: 5433, database: 'employee', params: {} },
    });
    const noPort = parseJdbcUrl('jdbc:mysql://[::1]/employee');
    expect(noPort.ok && noPort.target).toMatchObject({ host: '::1', port: 3306 });
  });

  it('keeps query parameters and decodes an encoded database name', () => {
    const parsed = parseJdbcUrl('jdbc:postgresql://db.partner.test:5432/pay%20roll?sslmode=require&ApplicationName=glue');
    expect(parsed).toEqual({
      ok: true,
      target: { engine: 'postgresql', host: 'db.partner.test', port: 5432, database: 'pay roll', params: { sslmode: 'require', ApplicationName: 'glue' } },
    });
  });

  it('leaves the database undefined for a snowflake URL without db=', () => {
    const parsed = parseJdbcUrl('jdbc:snowflake://acct.snowflakecomputing.com/?warehouse=wh');
    expect(parsed.ok && parsed.target.database).toBeUndefined();
  });

  it.each([
    ['postgresql://db.partner.test:5432/employee', 'missing jdbc:'],
    ['JDBC:POSTGRESQL://db.partner.test:5432/employee', 'upper-case scheme (drivers match it case-sensitively)'],
  ])('rejects %s (%s) and shows the expected form', (url) => {
    expect(parseJdbcUrl(url)).toEqual({ ok: false, reason: 'it must start with jdbc:<engine>:, e.g. jdbc:postgresql://host:5432/database' });
  });

  it('rejects an unknown engine and names every supported one', () => {
    expect(parseJdbcUrl('jdbc:db2://db.partner.test:50000/sample')).toEqual({
      ok: false,
      reason: "unsupported engine 'db2': use postgresql, mysql, mariadb, sqlserver, oracle, redshift or snowflake",
    });
  });

  it.each(['jdbc:postgresql://db.partner.test:5432', 'jdbc:postgresql://db.partner.test:5432/', 'jdbc:mysql://db.partner.test', 'jdbc:redshift://cluster.partner.test:5439'])(
    'rejects %s, which has no database path',
    (url) => {
      const parsed = parseJdbcUrl(url);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).toMatch(/^expected jdbc:(postgresql|mysql|redshift):\/\/host:port\/database$/);
    },
  );

  it.each([
    ['jdbc:postgresql://db.partner.test:0/employee', '0'],
    ['jdbc:postgresql://db.partner.test:99999/employee', '99999'],
    ['jdbc:sqlserver://sql.partner.test:70000;databaseName=hr', '70000'],
    ['jdbc:oracle:thin://@ora.partner.test:0/orclpdb', '0'],
  ])('rejects %s: port out of range', (url, port) => {
    expect(parseJdbcUrl(url)).toEqual({ ok: false, reason: `port ${port} is out of range` });
  });

  it('rejects a sqlserver URL without a host', () => {
    expect(parseJdbcUrl('jdbc:sqlserver://;databaseName=hr')).toEqual({ ok: false, reason: 'expected jdbc:sqlserver://host:port;databaseName=database' });
  });

  it('rejects an oracle URL in neither the service nor the SID form', () => {
    const parsed = parseJdbcUrl('jdbc:oracle:thin:ora.partner.test:1521/orclpdb');
    expect(parsed).toEqual({ ok: false, reason: 'expected jdbc:oracle:thin://@host:port/service_name or jdbc:oracle:thin://@host:port:SID' });
  });
});

describe('engineFromName', () => {
  it.each([
    ['postgres', 'postgresql'],
    ['postgresql', 'postgresql'],
    ['aurora-postgresql', 'postgresql'],
    ['mysql', 'mysql'],
    ['mariadb', 'mysql'],
    ['aurora', 'mysql'],
    ['aurora-mysql', 'mysql'],
    ['sqlserver', 'sqlserver'],
    ['oracle', 'oracle'],
    ['redshift', 'redshift'],
    ['PostgreSQL', 'postgresql'],
    ['AURORA-POSTGRESQL', 'postgresql'],
    ['MariaDB', 'mysql'],
  ])('maps JDBC_ENGINE %s to %s', (name, engine) => {
    expect(engineFromName(name)).toBe(engine);
  });

  it.each(['db2', 'snowflake', 'mongodb', '', 'postgres '])('knows no engine %j', (name) => {
    expect(engineFromName(name)).toBeUndefined();
  });
});

describe('parseJdbcUrl on malformed percent-escapes', () => {
  it('reports a database name with a bad %-escape as a parse failure instead of throwing', () => {
    expect(parseJdbcUrl('jdbc:postgresql://db.partner.test:5432/pay%zzroll')).toMatchObject({ ok: false });
  });
});

describe('parseJdbcUrl Oracle defaults', () => {
  it('defaults the Oracle port to 1521 when the URL has none', () => {
    expect(parseJdbcUrl('jdbc:oracle:thin:@//db.partner.test/ORCL')).toMatchObject({ ok: true, target: { engine: 'oracle', port: 1521, database: 'ORCL' } });
  });
});
