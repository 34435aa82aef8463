import { createServer, type Server as NetServer, type Socket } from 'node:net';
import createDebug from 'debug';
import ssh2, { type Algorithms, type ClientInfo, type Connection } from 'ssh2';
import { closeServer } from '../shared/close-server.ts';
import { listen } from '../shared/listen.ts';
import { SocketSet } from '../shared/socket-set.ts';
import { Transcript, type Recorder } from '../shared/transcript.ts';
import { admitSocket } from './admit-socket.ts';
import { contentOf } from './fs-node.ts';
import type { HostKey } from './host-keys.ts';
import type { ResolvedIdentityProvider } from './identity-provider.ts';
import type { MaxStartups } from './login-limits.ts';
import { PreauthGate } from './preauth-gate.ts';
import type { SshAlgorithms } from './ssh-algorithms.ts';
import { serveConnection } from './serve-connection.ts';
import type { SftpFault } from './sftp-fault.ts';
import type { SftpUser } from './sftp-user.ts';
import { SftpFakeHandle } from './sftp-fake-handle.ts';
import type { SftpRuntime } from './sftp-runtime.ts';
import { VirtualFs } from './virtual-fs.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:sftp');

export interface EmbeddedSftpFakeConfig {
  host: string;
  port: number;
  users: ReadonlyMap<string, SftpUser>;
  hostKeys: HostKey[];
  algorithms: SshAlgorithms;
  ident: string;
  banner?: string;
  faults: readonly SftpFault[];
  identityProvider?: ResolvedIdentityProvider;
  /** Seed files of the shared store, by absolute path. */
  storage: Record<string, string | Uint8Array>;
  /** sshd's LoginGraceTime in ms; 0 for none. */
  loginGraceTimeMs: number;
  maxStartups: MaxStartups;
}

/** The in-process fake: our own net.Server feeding accepted sockets to a non-listening ssh2 Server. */
export class StartedEmbeddedSftpFake extends SftpFakeHandle {
  readonly #config: EmbeddedSftpFakeConfig;
  readonly #trees = new Map<string, VirtualFs>();
  /** The shared store (S3/EFS stand-in) behind identity-provider users' homes. */
  readonly #storage = new VirtualFs();
  /** Aborts pending identity-provider calls, so stop() never waits on them. */
  readonly #providerCalls = new AbortController();
  readonly #sockets = new SocketSet();
  /** ssh2 reports a connection by remote address; this maps it back to our connection id. */
  readonly #ids = new Map<string, number>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #preauth: PreauthGate;
  readonly #listener: NetServer;
  readonly #ssh: ssh2.Server;
  #nextId = 1;
  #port = 0;

  private constructor(config: EmbeddedSftpFakeConfig) {
    super(config, new Transcript());
    this.#config = config;
    for (const user of config.users.values()) {
      const fs = new VirtualFs(user.home);
      for (const [path, content] of Object.entries(user.files)) fs.writeFile(fs.resolve(path), content);
      this.#trees.set(user.name, fs);
    }
    for (const [path, content] of Object.entries(config.storage)) this.#storage.writeFile(path, content);
    this.#ssh = new ssh2.Server(
      {
        hostKeys: config.hostKeys.map((key) => key.privateKey),
        // Names were checked against ssh2's own SUPPORTED_* lists; its types are narrower unions.
        algorithms: config.algorithms as Algorithms,
        ident: config.ident,
        banner: config.banner,
      },
      (client, info) => this.#onSshConnection(client, info),
    );
    this.#preauth = new PreauthGate({ loginGraceTimeMs: config.loginGraceTimeMs, maxStartups: config.maxStartups });
    this.#listener = createServer((socket) => this.#onSocket(socket));
  }

  static async start(config: EmbeddedSftpFakeConfig): Promise<StartedEmbeddedSftpFake> {
    const fake = new StartedEmbeddedSftpFake(config);
    await fake.#listen();
    return fake;
  }

  async #listen(): Promise<void> {
    const { host, port } = this.#config;
    this.#port = await listen(this.#listener, host, port, 'SftpFake');
    this.transcript.record('listening', { host, port: this.#port });
    log('listening on %s:%d', host, this.#port);
  }

  #onSocket(socket: Socket): void {
    const id = this.#nextId++;
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    this.#sockets.add(socket);
    this.#ids.set(key, id);
    const record = this.#recorderFor(id);
    record('connection', { remoteAddress: socket.remoteAddress, remotePort: socket.remotePort });
    socket.on('error', (error) => log('socket %d error: %s', id, error.message));
    socket.once('close', () => {
      this.#ids.delete(key);
      record('disconnect', {});
    });
    admitSocket(socket, {
      faults: this.#config.faults,
      identLine: `SSH-2.0-${this.#config.ident}`,
      record,
      inject: (s) => {
        if (this.#preauth.admit(id, s, record)) this.#ssh.injectSocket(s);
      },
      timers: this.#timers,
    });
  }

  #onSshConnection(client: Connection, info: ClientInfo): void {
    const id = this.#ids.get(`${info.ip}:${info.port}`) ?? 0;
    const record = this.#recorderFor(id);
    record('ident', { client: info.header.identRaw });
    serveConnection(client, {
      users: this.#config.users,
      fsFor: (user) => this.#tree(user),
      hasFault: (kind) => this.#config.faults.some((fault) => fault.kind === kind),
      record,
      onLogin: () => this.#preauth.authenticated(id),
      identityProvider: this.#config.identityProvider && {
        provider: this.#config.identityProvider,
        storage: this.#storage,
        // Transfer reports IPv4 clients as plain dotted quads.
        sourceIp: info.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''),
        stopping: this.#providerCalls.signal,
      },
    });
  }

  #recorderFor(connection: number): Recorder {
    return (kind, detail = {}) => this.transcript.record(kind, { connection, ...detail });
  }

  #tree(user: string): VirtualFs {
    const tree = this.#trees.get(user);
    if (!tree) throw new InvalidOptionError(`SftpFake: no user '${user}'; configured: ${[...this.#trees.keys()].join(', ')}`);
    return tree;
  }

  override getRuntime(): SftpRuntime {
    return 'embedded';
  }

  override getHost(): string {
    return this.#config.host;
  }

  override getPort(): number {
    return this.#port;
  }

  override readFile(user: string, path: string): Buffer | undefined {
    const node = this.#tree(user).lookup(path);
    return node?.kind === 'file' ? contentOf(node) : undefined;
  }

  override readStorage(path: string): Buffer | undefined {
    const node = this.#storage.lookup(path);
    return node?.kind === 'file' ? contentOf(node) : undefined;
  }

  protected override async close(): Promise<void> {
    this.#providerCalls.abort(new Error('fake stopping'));
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#preauth.close();
    await closeServer(this.#listener, this.#sockets);
    log('stopped %s:%d', this.#config.host, this.#port);
  }
}
