import { describe, expect, it } from 'vitest';
import type { DbFault } from './db-fault.ts';
import type { DbRuntime } from './db-types.ts';
import { MysqlFake } from './mysql-fake.ts';
import { PostgresFake } from './postgres-fake.ts';
import { isRuntimeAvailable } from './runtime-availability.ts';

describe('database fake builders', () => {
  it('reject bad names, duplicates, reserved names and empty passwords eagerly', () => {
    expect(() => new PostgresFake().withUser('', 'pw')).toThrow(/PostgresFake.withUser: invalid user name ""/);
    expect(() => new PostgresFake().withUser('x'.repeat(64), 'pw')).toThrow(/1..63 bytes/);
    expect(() => new PostgresFake().withUser('postgres', 'pw')).toThrow(/'postgres' is reserved/);
    expect(() => new PostgresFake().withUser('pg_monitor', 'pw')).toThrow(/reserved/);
    expect(() => new PostgresFake().withUser('app', '')).toThrow(/non-empty password/);
    expect(() => new PostgresFake().withUser('app', 'a').withUser('app', 'b')).toThrow(/already configured/);
    expect(() => new PostgresFake().withDatabase('template1')).toThrow(/reserved/);
    expect(() => new MysqlFake().withUser('root', 'pw')).toThrow(/MysqlFake.withUser: 'root' is reserved/);
    expect(() => new MysqlFake().withDatabase('MySQL')).toThrow(/reserved/);
    expect(() => new MysqlFake().withUser('x'.repeat(33), 'pw')).toThrow(/1..32 bytes/);
  });

  it('reject unknown faults and runtimes, and a second fault', () => {
    expect(() => new PostgresFake().withFault({ kind: 'explode' } as unknown as DbFault)).toThrow(/unknown fault .*refuse, accept-hang/);
    expect(() => new PostgresFake().withFault({ kind: 'refuse' }).withFault({ kind: 'accept-hang' })).toThrow(/already configured/);
    expect(() => new PostgresFake().withRuntime('docker' as DbRuntime)).toThrow(/unknown runtime "docker"; use one of embedded, process, container/);
  });

  it('check database owners at start(), so users may be added in any order', async () => {
    await expect(new PostgresFake().withDatabase('appdb', { owner: 'app' }).start()).rejects.toThrow(
      /database 'appdb' has owner 'app', who is not configured; add withUser\('app', password\)/,
    );
    expect(() => new PostgresFake().withDatabase('appdb', { owner: 'app' }).withUser('app', 'pw')).not.toThrow();
  });

  it("explains that MySQL has no 'embedded' runtime here", () => {
    expect(() => new MysqlFake().withRuntime('embedded')).toThrow(/runtime 'embedded' is not available: npm has no MySQL.*use withRuntime\('process'\)/);
    expect(isRuntimeAvailable('mysql', 'embedded')).toEqual({ available: false, reason: expect.stringContaining("withRuntime('process')") });
  });

  it('finds the Postgres runtimes on this machine', () => {
    expect(isRuntimeAvailable('postgresql', 'embedded')).toEqual({ available: true });
    expect(isRuntimeAvailable('postgresql', 'process')).toEqual({ available: true });
  });

  it('tells how to install a missing MariaDB', () => {
    const path = process.env.PATH;
    // With an empty PATH only the fixed directories are searched; the hint must name the package either way.
    process.env.PATH = '';
    try {
      const result = isRuntimeAvailable('mysql', 'process');
      if (!result.available) expect(result.reason).toMatch(/apt-get install .*mariadb-server/);
    } finally {
      process.env.PATH = path;
    }
  });
});
