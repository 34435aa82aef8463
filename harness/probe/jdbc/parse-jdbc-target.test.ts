import { describe, expect, it } from 'vitest';
import { parseJdbcTarget } from './parse-jdbc-target.ts';

describe('parseJdbcTarget', () => {
  it('reads PostgreSQL and MySQL/MariaDB URLs, with the engines’ default ports', () => {
    expect(parseJdbcTarget('jdbc:postgresql://db.example.com:6543/sales')).toEqual({ engine: 'postgresql', host: 'db.example.com', port: 6543, database: 'sales' });
    expect(parseJdbcTarget('jdbc:postgresql://10.0.0.5/sales')).toEqual({ engine: 'postgresql', host: '10.0.0.5', port: 5432, database: 'sales' });
    expect(parseJdbcTarget('jdbc:mysql://[::1]:3307/app?sslMode=REQUIRED')).toEqual({ engine: 'mysql', host: '::1', port: 3307, database: 'app' });
    expect(parseJdbcTarget('jdbc:mariadb://maria.example.com/app')).toEqual({ engine: 'mysql', host: 'maria.example.com', port: 3306, database: 'app' });
  });

  it('wants the database the Glue connection names, so the probe\'s login and Glue\'s test reach the same one', () => {
    for (const url of ['jdbc:postgresql://db.example.com', 'jdbc:mysql://db.example.com:3306/', 'jdbc:mariadb://maria.example.com']) {
      expect(() => parseJdbcTarget(url), url).toThrow(/names no database. Give the database the Glue connection names, e\.g\. jdbc:\w+:\/\/[\w.:]+\/orders/);
    }
  });

  it('refuses credentials in the URL without repeating the password', () => {
    for (const url of ['jdbc:postgresql://app:S3cret-canary@db.example.com/sales', 'jdbc:mysql://db.example.com/app?user=app&password=S3cret-canary', 'jdbc:postgresql://db.example.com/sales?sslpassword=S3cret-canary']) {
      let error: unknown;
      try {
        parseJdbcTarget(url);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'INVALID_OPTION', message: expect.stringContaining('credentials') });
      expect((error as Error).message).not.toContain('S3cret-canary');
    }
  });

  it('names the expected form for other engines and malformed URLs', () => {
    expect(() => parseJdbcTarget('jdbc:sqlserver://db:1433;databaseName=x')).toThrow(/cannot scan sqlserver.*jdbc:postgresql:\/\/host/);
    expect(() => parseJdbcTarget('postgresql://db/x')).toThrow(/jdbc:mysql:\/\/host\[:port\]/);
    expect(() => parseJdbcTarget('jdbc:postgresql://db:99999/x')).toThrow(/port 99999 is out of range/);
  });
});
