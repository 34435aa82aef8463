import type { AcceptConnection, Connection, NegotiatedAlgorithms, RejectConnection, Session } from 'ssh2';
import createDebug from 'debug';
import type { Recorder } from '../shared/transcript.ts';
import { authenticate, type AuthOutcome } from './authenticate.ts';
import { authenticateWithProvider } from './authenticate-with-provider.ts';
import type { ResolvedIdentityProvider } from './identity-provider.ts';
import { serveSftp } from './ops/serve-sftp.ts';
import type { SftpFault } from './sftp-fault.ts';
import type { SftpUser } from './sftp-user.ts';
import type { SftpFs, VirtualFs } from './virtual-fs.ts';

const log = createDebug('partner-harness:fake:sftp');

export interface ConnectionDeps {
  users: ReadonlyMap<string, SftpUser>;
  fsFor(user: string): VirtualFs;
  hasFault(kind: SftpFault['kind']): boolean;
  /** Records with this connection's id already filled in. */
  record: Recorder;
  /** A login succeeded (ends LoginGraceTime and the MaxStartups count for this connection). */
  onLogin?(): void;
  /** Users not defined locally are asked about here, as on a Transfer server with a custom IdP. */
  identityProvider?: {
    provider: ResolvedIdentityProvider;
    storage: VirtualFs;
    /** The client's address as the provider's `sourceIp`. */
    sourceIp: string;
    /** Aborted when the fake stops, so no provider call outlives it. */
    stopping: AbortSignal;
  };
}

/** Who got in, and for a provider user the view of the store the provider gave them. */
interface Login {
  user: string;
  fs?: SftpFs;
}

/** Drives one SSH connection after the ident exchange: handshake, auth, then sessions. */
export function serveConnection(client: Connection, deps: ConnectionDeps): void {
  const { record } = deps;
  let closing = false;
  // ssh2 names the user only in the auth context, so we keep the one that got in.
  const login: Login = { user: '' };
  const gone = new AbortController();
  client.once('close', () => gone.abort(new Error('client disconnected')));
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
  const done = (outcome: AuthOutcome, fs?: SftpFs): void => {
    log('auth %s %s: %s', outcome.user, outcome.method, outcome.result);
    if (outcome.result === 'accepted') {
      Object.assign(login, { user: outcome.user, fs });
      deps.onLogin?.();
    }
    record('auth', { ...outcome });
  };
  client.on('authentication', (ctx) => {
    if (closing) return ctx.reject([]);
    const idp = deps.identityProvider;
    // A locally defined user never goes to the provider.
    if (!idp || deps.users.has(ctx.username)) return done(authenticate(ctx, deps.users, deps.hasFault('refuse-login')));
    const signal = AbortSignal.any([gone.signal, idp.stopping]);
    authenticateWithProvider(ctx, { ...idp, signal, refuseAll: deps.hasFault('refuse-login'), record }).then(
      ({ outcome, fs }) => done(outcome, fs),
      (error: Error) => {
        // A bug here must not leave the client waiting forever.
        record('error', { message: `identity provider login failed: ${error.message}` });
        if (!signal.aborted) ctx.reject(['publickey', 'password']);
      },
    );
  });
  client.on('ready', () => {
    client.on('session', (accept: AcceptConnection<Session>) => {
      record('session', {});
      serveSession(accept(), deps, login);
    });
  });
}

function serveSession(session: Session, deps: ConnectionDeps, login: Login): void {
  const { record } = deps;
  session.on('sftp', (accept, reject) => {
    if (deps.hasFault('reject-sftp')) {
      record('subsystem', { name: 'sftp', result: 'rejected' });
      record('fault', { kind: 'reject-sftp' });
      return reject();
    }
    record('subsystem', { name: 'sftp', result: 'accepted' });
    const fs = login.fs ?? deps.fsFor(login.user);
    serveSftp(accept(), { fs, user: login.user, record: (entry) => record('sftp', { ...entry }) });
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
