import ssh2, { type ConnectConfig } from 'ssh2';
import createDebug from 'debug';
import { PartnerHarnessError } from '../../../core/errors/index.ts';
import { blobFingerprint, formatPublicKey, readServerOffer, SSH2_SUPPORTED, type ServerOffer } from '../../../core/ssh/index.ts';

const debug = createDebug('partner-harness:probe:sftp');

/** A host key the server holds, in `TrustedHostKeys` form with its SHA256 fingerprint. */
export interface ScannedHostKey {
  type: string;
  publicKey: string;
  fingerprint: string;
}

/** What an SFTP server shows before anyone logs in. The shape of `probe --json`: keep it stable. */
export interface SftpServerScan {
  target: { host: string; port: number };
  ident?: string;
  banner?: string;
  algorithms: { kex: string[]; serverHostKey: string[]; cipher: string[]; mac: string[]; compression: string[] };
  /** What the server answered a `none` login with (RFC 4252 §5.2); no credential is sent. */
  authMethods: string[];
  /** One per key the server holds, asked for by each host-key algorithm in turn (as `ssh-keyscan -t`). */
  hostKeys: ScannedHostKey[];
}

export interface ScanOptions {
  host: string;
  port: number;
  /** The user name of the `none` login; a server may answer per user. */
  username?: string;
  timeoutMs?: number;
}

/** The partner could not be reached or broke off before its offer (probe's exit code 3). */
export class PartnerUnreachableError extends PartnerHarnessError {
  constructor(target: string, reason: string) {
    super('PARTNER_UNREACHABLE', `${target}: ${reason}`, { fix: 'Check the host and port, and that this machine may connect to it (firewall, allow-list)' });
  }
}

/**
 * Reads what an SSH server offers (ident, banner, algorithm lists, auth methods, every host key)
 * without logging in: one connection that offers everything ssh2 speaks and attempts the `none`
 * method, then one per host-key algorithm the server offers, each refused at the host key.
 */
export async function scanSftpServer(options: ScanOptions): Promise<SftpServerScan> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const username = options.username ?? 'partner-harness-probe';
  const first = await connectOnce({ ...options, username, timeoutMs });
  const target = `${options.host}:${options.port}`;
  if (!first.offer.ident) throw new PartnerUnreachableError(target, first.error ?? 'no SSH server answered');
  const offered = first.offer.algorithms;
  if (!offered.serverHostKey) throw new PartnerUnreachableError(target, first.error ?? 'the server sent no key exchange offer');
  const hostKeys = new Map<string, ScannedHostKey>();
  const speakable = offered.serverHostKey.filter((name) => (SSH2_SUPPORTED.serverHostKey as readonly string[]).includes(name));
  for (const algorithm of speakable) {
    const { hostKey } = await connectOnce({ ...options, username, timeoutMs, serverHostKey: algorithm });
    // rsa-sha2-512, rsa-sha2-256 and ssh-rsa sign with one RSA key: listed once.
    if (hostKey) hostKeys.set(hostKey.publicKey, hostKey);
  }
  return {
    target: { host: options.host, port: options.port },
    ident: first.offer.ident,
    banner: first.banner,
    algorithms: {
      kex: offered.kex ?? [],
      serverHostKey: offered.serverHostKey,
      cipher: offered.cipher ?? [],
      mac: offered.mac ?? [],
      compression: offered.compression ?? [],
    },
    authMethods: first.authMethods,
    hostKeys: [...hostKeys.values()],
  };
}

interface Attempt {
  offer: ServerOffer;
  banner?: string;
  authMethods: string[];
  hostKey?: ScannedHostKey;
  error?: string;
}

function connectOnce(options: Required<Pick<ScanOptions, 'host' | 'port' | 'username' | 'timeoutMs'>> & { serverHostKey?: string }): Promise<Attempt> {
  const client = new ssh2.Client();
  const attempt: Attempt = { offer: { algorithms: {} }, authMethods: [] };
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) attempt.error = error;
      client.end();
      setImmediate(() => client.destroy());
      resolve(attempt);
    };
    const deadline = setTimeout(() => finish(`no answer within ${options.timeoutMs} ms`), options.timeoutMs);
    let asked = false;
    const config: ConnectConfig = {
      host: options.host,
      port: options.port,
      username: options.username,
      readyTimeout: options.timeoutMs,
      algorithms: {
        kex: SSH2_SUPPORTED.kex,
        serverHostKey: options.serverHostKey ? [options.serverHostKey] : SSH2_SUPPORTED.serverHostKey,
        cipher: SSH2_SUPPORTED.cipher,
        hmac: SSH2_SUPPORTED.mac,
        compress: SSH2_SUPPORTED.compression,
      } as unknown as ConnectConfig['algorithms'],
      hostVerifier: (key: Buffer) => {
        attempt.hostKey = { type: formatPublicKey(key).split(' ')[0]!, publicKey: formatPublicKey(key), fingerprint: blobFingerprint(key) };
        // A key-collecting connection ends here; the first goes on to the `none` attempt.
        return options.serverHostKey === undefined;
      },
      // Only the `none` method: it asks which methods the server takes and sends no credential.
      authHandler: (methodsLeft: string[] | null) => {
        if (asked) {
          attempt.authMethods = methodsLeft ?? [];
          return false;
        }
        asked = true;
        return { type: 'none', username: options.username };
      },
      debug: (line: string) => {
        debug(line);
        readServerOffer(line, attempt.offer);
      },
    } as ConnectConfig;
    client
      .on('banner', (message: string) => (attempt.banner = message))
      .on('ready', () => {
        // The server let `none` in: it asks for no authentication at all.
        attempt.authMethods = ['none'];
        finish();
      })
      .on('error', (error: Error & { level?: string }) => finish(error.level === 'client-authentication' ? undefined : error.message))
      .on('close', () => finish());
    client.connect(config);
  });
}
