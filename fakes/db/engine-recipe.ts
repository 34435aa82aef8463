import type { DbFakeConfig } from './db-fake.ts';
import type { DbDatabase, DbUser } from './db-types.ts';
import type { EngineCommand } from './engine-process.ts';
import type { EngineUser } from './engine-user.ts';
import type { LogTail } from '../../core/process/index.ts';
import type { ServerCertificate } from './self-signed-cert.ts';
import type { WorkDir } from './work-dir.ts';

export interface EngineContext<Bin> {
  config: DbFakeConfig;
  bin: Bin;
  dir: WorkDir;
  /** Random per fake; the superuser's password where the engine needs one. Never leaves the process. */
  adminPassword: string;
  certificate?: ServerCertificate;
}

/** How one engine is initialised, run, logged into and provisioned; launchEngine does the rest. */
export interface EngineRecipe<Admin, Bin extends object> {
  label: string;
  /** OS users to run as when we are root, in order of preference. */
  osUsers: readonly string[];
  /** Graceful-but-prompt shutdown (clients are disconnected). */
  stopSignal: NodeJS.Signals;
  /** For the process 'exit' hook, where we cannot wait. */
  exitSignal: NodeJS.Signals;
  /** Binaries, or why they are missing. */
  binaries(config: DbFakeConfig): Bin | { reason: string };
  /** The binaries as `user` can run them (a copy it can reach, say); throws when it cannot. */
  forUser?(bin: Bin, user: EngineUser): Promise<Bin>;
  initialise(ctx: EngineContext<Bin>): Promise<void>;
  server(ctx: EngineContext<Bin>, port: number): EngineCommand;
  /** One superuser login attempt (into `database` where the engine has per-database sessions); throws while the engine is not ready. */
  login(ctx: EngineContext<Bin>, port: number, database?: string): Promise<Admin>;
  /** Runs once after the first login, before users are created. */
  secure?(admin: Admin): Promise<void>;
  version(admin: Admin): Promise<string>;
  createUser(admin: Admin, user: DbUser, ctx: EngineContext<Bin>): Promise<void>;
  createDatabase(admin: Admin, database: DbDatabase, ctx: EngineContext<Bin>): Promise<void>;
  logout(admin: Admin): Promise<void>;
  addressInUse(log: LogTail): boolean;
  /** How one engine serves several fakes in turn (shared-engines.ts); absent: each fake gets its own. */
  sharing?: EngineSharing<Admin>;
}

/** What sharing an engine between fakes needs beyond creating users and databases. */
export interface EngineSharing<Admin> {
  /** Once per engine: nobody but the superuser may connect to the databases every server has. */
  prepare(admin: Admin): Promise<void>;
  /** After `database` is created: only `users` (one fake's) may connect to it. */
  isolate(admin: Admin, database: DbDatabase, users: readonly DbUser[]): Promise<void>;
  /** Ends the database's sessions and drops it; nothing if it is not there. */
  dropDatabase(admin: Admin, name: string): Promise<void>;
  /** Ends the user's sessions and drops it; nothing if it is not there. */
  dropUser(admin: Admin, name: string): Promise<void>;
  /**
   * Applies a fake's TLS settings to a running engine (its certificate made at start), returning
   * once new logins see them. With it, one engine serves fakes of every TLS setting in turn;
   * without it, each setting gets its own engine.
   */
  applyTls?(admin: Admin, ctx: EngineContext<object>, tls: TlsSettings, login: () => Promise<Admin>): Promise<void>;
  /**
   * Where creating a database is slow (PostgreSQL copies its template): one made ahead, while the
   * fake before runs, that nobody may connect to; `adopt` makes it a fake's database.
   */
  spares?: {
    /** Creates the spare; returns its fingerprint, which `recycle` compares with. `enter` opens a superuser session in a database. */
    make(admin: Admin, name: string, enter: (database: string) => Promise<Admin>): Promise<string>;
    adopt(admin: Admin, spare: string, database: DbDatabase): Promise<void>;
    /**
     * At a fake's stop: makes its database (adopted from a spare with `fingerprint`) the spare
     * named `spare` when the fake left nothing in it, instead of dropping it; false: drop it.
     */
    recycle?(admin: Admin, database: DbDatabase, users: readonly DbUser[], fingerprint: string, spare: string, enter: (database: string) => Promise<Admin>): Promise<boolean>;
  };
}

/** The server settings a fake's TLS options ask for. */
export interface TlsSettings {
  tls: boolean;
  requireTls: boolean;
}
