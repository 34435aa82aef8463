import type { AcceptConnection, Connection, NegotiatedAlgorithms, RejectConnection, Session } from 'ssh2';
import createDebug from 'debug';
import { authenticate } from './authenticate.ts';
import { serveSftp } from './ops/serve-sftp.ts';
import type { SftpFault } from './sftp-fault.ts';
import type { SftpUser } from './sftp-user.ts';
import type { VirtualFs } from './virtual-fs.ts';

const log = createDebug('partner-harness:fake:sftp');

export type Recorder = (kind: string, detail?: Record<string, unknown>) => void;

export interface ConnectionDeps {
  users: ReadonlyMap<string, SftpUser>;
  fsFor(user: string): VirtualFs;
  hasFault(kind: SftpFault['kind']): boolean;
  /** Records with this connection's id already filled in. */
  record: Recorder;
}

/** Drives one SSH connection after the ident exchange: handshake, auth, then sessions. */
export function serveConnection(client: Connection, deps: ConnectionDeps): void {
  const { record } = deps;
  let closing = false;
  // ssh2 names the user only in the auth context, so we keep the one that got in.
  let user = '';
  client.on('error', (error: Error & { level?: string }) => {
    log('connection error: %s', error.message);
    record('error', { message: error.message, level: error.level });
  });
  client.on('handshake', (negotiated: NegotiatedAlgorithms) => {
    record('handshake', { kex: negotiated.kex, serverHostKey: negotiated.serverHostKey, cs: negotiated.cs, sc: negotiated.sc });
    if (deps.hasFault('close-after-kex')) {
      closing = true;
      record('fault', { kind: 'close-after-kex' });
      client.end();
    }
  });
  client.on('authentication', (ctx) => {
    if (closing) return ctx.reject([]);
    const outcome = authenticate(ctx, deps.users, deps.hasFault('refuse-login'));
    log('auth %s %s: %s', outcome.user, outcome.method, outcome.result);
    if (outcome.result === 'accepted') user = outcome.user;
    record('auth', { ...outcome });
  });
  client.on('ready', () => {
    client.on('session', (accept: AcceptConnection<Session>) => {
      record('session', {});
      serveSession(accept(), deps, user);
    });
  });
}

function serveSession(session: Session, deps: ConnectionDeps, user: string): void {
  const { record } = deps;
  session.on('sftp', (accept, reject) => {
    if (deps.hasFault('reject-sftp')) {
      record('subsystem', { name: 'sftp', result: 'rejected' });
      record('fault', { kind: 'reject-sftp' });
      return reject();
    }
    record('subsystem', { name: 'sftp', result: 'accepted' });
    serveSftp(accept(), { fs: deps.fsFor(user), user, record: (entry) => record('sftp', { ...entry }) });
  });
  // A Transfer partner offers SFTP only; anything else is refused and noted (never the command text).
  const refuse = (type: string, extra: Record<string, unknown> = {}) => (_accept: unknown, reject?: RejectConnection | (() => void)) => {
    record('session-request', { type, result: 'rejected', ...extra });
    reject?.();
  };
  session.on('pty', refuse('pty'));
  session.on('env', refuse('env'));
  session.on('shell', refuse('shell'));
  session.on('exec', refuse('exec'));
  session.on('subsystem', (accept, reject, info) => refuse('subsystem', { name: info.name })(accept, reject));
}
