import type { DbFake, DbFakeConfig } from '../db-fake.ts';

/**
 * A lease's config put through the same builder checks as a fake's own (names the engine reserves
 * or truncates, owners that are not among the fake's users, TLS settings): a host must never
 * create, nor later drop, a role or database that the builder would have refused. Throws the
 * builder's InvalidOptionError.
 */
export async function checkLeaseConfig(raw: DbFakeConfig): Promise<DbFakeConfig> {
  const fake: DbFake = raw.engine === 'postgresql' ? new (await import('../postgres-fake.ts')).PostgresFake() : new (await import('../mysql-fake.ts')).MysqlFake();
  fake.withRuntime(raw.runtime).withSharedEngine();
  for (const user of raw.users) fake.withUser(user.name, user.password, user.superuser ? { superuser: true } : {});
  for (const database of raw.databases) fake.withDatabase(database.name, database.owner === undefined ? {} : { owner: database.owner });
  if (raw.requireTls) fake.withRequireTls();
  else if (raw.tls) fake.withTls();
  // config() is the builder's own last check (owners); protected, as users never need it.
  return fake['config']();
}
