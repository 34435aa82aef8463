import { validateFault, type DbFault } from './db-fault.ts';
import { DB_RUNTIMES, type DbDatabase, type DbEngine, type DbRuntime, type DbUser, type DbUserOptions } from './db-types.ts';
import type { StartedDbFake } from './started-db-fake.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** Everything start() needs; a frozen copy of what the builder collected. */
export interface DbFakeConfig {
  engine: DbEngine;
  runtime: DbRuntime;
  users: readonly DbUser[];
  databases: readonly DbDatabase[];
  tls: boolean;
  requireTls: boolean;
  /** withSharedEngine(): users and databases on an engine shared in this process (shared-engines.ts). */
  sharedEngine?: boolean;
  fault?: DbFault;
}

/** What an engine allows as names; checked eagerly so a typo fails at the with*() call. */
export interface NameRules {
  label: string;
  /** Names the fake itself uses (the superuser) or the engine reserves. */
  reservedUsers: (name: string) => boolean;
  reservedDatabases: (name: string) => boolean;
  maxUserLength: number;
  maxDatabaseLength: number;
}

/** The builder both engines share: with*() setters returning this, then start(). */
export abstract class DbFake {
  protected runtime: DbRuntime;
  readonly #users = new Map<string, DbUser>();
  readonly #databases = new Map<string, DbDatabase>();
  #tls = false;
  #requireTls = false;
  #sharedEngine = false;
  #fault?: DbFault;

  protected constructor(
    protected readonly engine: DbEngine,
    defaultRuntime: DbRuntime,
    protected readonly rules: NameRules,
  ) {
    this.runtime = defaultRuntime;
  }

  /** A login role with a password (SCRAM-SHA-256 on Postgres, mysql_native_password on MariaDB). */
  withUser(name: string, password: string, options: DbUserOptions = {}): this {
    this.#checkName('withUser', 'user', name, this.rules.maxUserLength);
    if (this.rules.reservedUsers(name)) throw new InvalidOptionError(`${this.rules.label}.withUser: '${name}' is reserved by the engine or the fake's superuser; pick another name`);
    if (this.#users.has(name)) throw new InvalidOptionError(`${this.rules.label}.withUser: user '${name}' is already configured; call withUser once per user`);
    if (typeof password !== 'string' || password === '' || password.includes('\0')) {
      throw new InvalidOptionError(`${this.rules.label}.withUser: user '${name}' needs a non-empty password without NUL characters`);
    }
    this.#users.set(name, { name, password, ...(options.superuser ? { superuser: true } : {}) });
    return this;
  }

  /** A database; `owner` must be a user configured with withUser (in any order). */
  withDatabase(name: string, options: { owner?: string } = {}): this {
    this.#checkName('withDatabase', 'database', name, this.rules.maxDatabaseLength);
    if (this.rules.reservedDatabases(name)) throw new InvalidOptionError(`${this.rules.label}.withDatabase: '${name}' already exists in a new server or is reserved; pick another name`);
    if (this.#databases.has(name)) throw new InvalidOptionError(`${this.rules.label}.withDatabase: database '${name}' is already configured`);
    if (options.owner !== undefined) this.#checkName('withDatabase', 'owner', options.owner, this.rules.maxUserLength);
    this.#databases.set(name, { name, ...(options.owner === undefined ? {} : { owner: options.owner }) });
    return this;
  }

  /** The server offers TLS with a freshly generated self-signed certificate for 127.0.0.1 and localhost. */
  withTls(): this {
    this.#tls = true;
    return this;
  }

  /** Implies withTls(); logins without TLS are rejected. */
  withRequireTls(): this {
    this.#tls = true;
    this.#requireTls = true;
    return this;
  }

  /**
   * Runs on an engine this process shares with other fakes that opted in with the same server
   * settings (runtime, TLS), started on first use, instead of an engine of its own: start() then
   * creates this fake's users and databases on it and stop() drops them. Only this fake's users
   * may connect to its databases; the superuser-only databases of a server ('postgres') refuse
   * them. Much faster for many short-lived fakes (the scenario runner uses it). The engines stop
   * when the process ends. Runtimes embedded and process; in a container, a no-op.
   */
  withSharedEngine(): this {
    this.#sharedEngine = true;
    return this;
  }

  /** Instead of an engine, a port that refuses or hangs; see DbFault. */
  withFault(fault: DbFault): this {
    validateFault(fault);
    if (this.#fault) throw new InvalidOptionError(`${this.rules.label}.withFault: a fault ('${this.#fault.kind}') is already configured; a fake has one`);
    this.#fault = { ...fault };
    return this;
  }

  withRuntime(runtime: DbRuntime): this {
    if (!DB_RUNTIMES.includes(runtime)) {
      throw new InvalidOptionError(`${this.rules.label}.withRuntime: unknown runtime ${JSON.stringify(runtime)}; use one of ${DB_RUNTIMES.join(', ')}`);
    }
    this.runtime = runtime;
    return this;
  }

  abstract start(): Promise<StartedDbFake>;

  /** The configuration start() works from; owners are checked here, since users may come later. */
  protected config(): DbFakeConfig {
    for (const { name, owner } of this.#databases.values()) {
      if (owner !== undefined && !this.#users.has(owner)) {
        throw new InvalidOptionError(`${this.rules.label}: database '${name}' has owner '${owner}', who is not configured; add withUser('${owner}', password)`);
      }
    }
    return {
      engine: this.engine,
      runtime: this.runtime,
      users: [...this.#users.values()].map((user) => ({ ...user })),
      databases: [...this.#databases.values()].map((database) => ({ ...database })),
      tls: this.#tls,
      requireTls: this.#requireTls,
      ...(this.#sharedEngine ? { sharedEngine: true } : {}),
      ...(this.#fault ? { fault: { ...this.#fault } } : {}),
    };
  }

  #checkName(method: string, what: string, name: string, max: number): void {
    if (typeof name !== 'string' || name === '' || name.includes('\0') || Buffer.byteLength(name) > max) {
      throw new InvalidOptionError(`${this.rules.label}.${method}: invalid ${what} name ${JSON.stringify(name)}; use 1..${max} bytes without NUL`);
    }
  }
}
