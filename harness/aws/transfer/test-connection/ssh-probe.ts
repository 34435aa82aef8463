import ssh2, { type ConnectConfig } from 'ssh2';
import createDebug from 'debug';
import type { ConnectorSecurityPolicy } from '../connectors/connector-security-policies.ts';
import { blobFingerprint, formatPublicKey, readServerOffer, type ServerOffer } from '../../../../core/ssh/index.ts';
import type { ParsedHostKey } from '../connectors/trusted-host-key.ts';

const debug = createDebug('partner-harness:aws:transfer:ssh');

export interface ProbeInput {
  host: string;
  port: number;
  username: string;
  password?: string;
  privateKey?: string;
  policy: ConnectorSecurityPolicy;
  trustedHostKeys: ParsedHostKey[];
  timeoutMs: number;
  /** Transcript sink; receives no secrets. */
  note: (kind: string, detail: Record<string, unknown>) => void;
}

export type NegotiationCategory = 'kex' | 'serverHostKey' | 'cipher' | 'hmac';

export type ProbeFailure =
  | { kind: 'unknown-host' }
  | { kind: 'refused' }
  | { kind: 'timeout'; stage: string }
  | { kind: 'closed'; stage: string }
  | { kind: 'negotiation'; category: NegotiationCategory; clientOffered: string[]; serverOffered: string[] }
  | { kind: 'no-trusted-host-keys' }
  | { kind: 'host-key-mismatch'; hostKeyType: string; fingerprint: string }
  | { kind: 'auth'; methods: string[] }
  | { kind: 'sftp-refused' }
  | { kind: 'other'; reason: string };

export interface ProbeResult {
  /** The server's host key in `<type> <base64>` form, when the handshake got that far. */
  hostKey?: string;
  failure?: ProbeFailure;
}

const FAILED_NEGOTIATION: Array<[RegExp, NegotiationCategory]> = [
  [/no matching key exchange algorithm/, 'kex'],
  [/no matching host key format/, 'serverHostKey'],
  [/no matching (C->S|S->C) cipher/, 'cipher'],
  [/no matching (C->S|S->C) MAC/, 'hmac'],
];

/**
 * One SFTP connection attempt the way a connector makes it: offer exactly the policy's
 * algorithms, check the host key, log in, open the sftp subsystem, close.
 */
export function probeSftp(input: ProbeInput): Promise<ProbeResult> {
  const client = new ssh2.Client();
  const serverOffer: ServerOffer = { algorithms: {} };
  let stage = 'while connecting';
  let hostKey: string | undefined;
  let hostKeyFailure: ProbeFailure | undefined;

  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const finish = (failure?: ProbeFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      input.note('result', failure ? { failure: failure.kind, stage } : { ok: true });
      client.end();
      // end() waits for the peer; a hung partner must not keep the socket.
      setImmediate(() => client.destroy());
      resolve({ hostKey, failure });
    };
    // readyTimeout covers the handshake and auth; this covers the sftp channel too.
    const deadline = setTimeout(() => finish({ kind: 'timeout', stage }), input.timeoutMs);

    client
      .on('connect', () => {
        client.setNoDelay(true);
        stage = 'during the SSH version exchange';
        input.note('tcp-connected', { host: input.host, port: input.port });
      })
      .on('handshake', (negotiated) => {
        stage = 'after key exchange, before authentication completed';
        input.note('handshake', { negotiated });
      })
      .on('ready', () => {
        stage = 'after authentication, while opening the sftp subsystem';
        input.note('authenticated', { username: input.username });
        client.sftp((err, sftp) => {
          if (err) {
            input.note('sftp', { opened: false, reason: err.message });
            return finish({ kind: 'sftp-refused' });
          }
          sftp.realpath('.', (realpathErr, path) => {
            input.note('sftp', { opened: true, realpath: realpathErr ? undefined : path });
            finish();
          });
        });
      })
      .on('error', (err: Error & { level?: string; code?: string }) => finish(classify(err)))
      .on('close', () => finish(hostKeyFailure ?? { kind: 'closed', stage }));

    const config: ConnectConfig = {
      host: input.host,
      port: input.port,
      username: input.username,
      password: input.password,
      privateKey: input.privateKey,
      readyTimeout: input.timeoutMs,
      tryKeyboard: false,
      // @types/ssh2 types algorithm names as unions; the policy tables are plain strings.
      algorithms: {
        kex: input.policy.kexs,
        serverHostKey: input.policy.hostKeyAlgorithms,
        cipher: input.policy.ciphers,
        hmac: input.policy.macs,
        compress: ['none'],
      } as unknown as ConnectConfig['algorithms'],
      hostVerifier: (key: Buffer) => {
        hostKey = formatPublicKey(key);
        stage = 'after key exchange, before authentication completed';
        input.note('host-key', { hostKey, fingerprint: blobFingerprint(key) });
        // With no trusted keys the connector only discovers the key: it sends no credentials
        // to a server it cannot verify.
        if (input.trustedHostKeys.length === 0) {
          hostKeyFailure = { kind: 'no-trusted-host-keys' };
          return false;
        }
        if (input.trustedHostKeys.some((trusted) => trusted.blob.equals(key))) return true;
        hostKeyFailure = { kind: 'host-key-mismatch', hostKeyType: hostKey.split(' ')[0]!, fingerprint: blobFingerprint(key) };
        return false;
      },
      debug: (line: string) => {
        debug(line);
        readServerOffer(line, serverOffer);
      },
    };
    try {
      client.connect(config);
    } catch (err) {
      finish({ kind: 'other', reason: (err as Error).message });
    }
  });

  function classify(err: Error & { level?: string; code?: string }): ProbeFailure {
    if (hostKeyFailure) return hostKeyFailure;
    if (err.level === 'client-socket') {
      if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return { kind: 'unknown-host' };
      if (err.code === 'ECONNREFUSED') return { kind: 'refused' };
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return { kind: 'closed', stage };
      return { kind: 'other', reason: err.message };
    }
    if (err.level === 'client-timeout') return { kind: 'timeout', stage };
    if (err.level === 'client-authentication') {
      return { kind: 'auth', methods: [input.privateKey && 'publickey', input.password && 'password'].filter(Boolean) as string[] };
    }
    if (/Connection lost before handshake/.test(err.message)) return { kind: 'closed', stage };
    for (const [pattern, category] of FAILED_NEGOTIATION) {
      if (pattern.test(err.message)) {
        const offered = serverOffer.algorithms[category === 'hmac' ? 'mac' : category];
        return { kind: 'negotiation', category, clientOffered: clientOffer(input.policy, category), serverOffered: offered ?? [] };
      }
    }
    return { kind: 'other', reason: err.message };
  }
}

function clientOffer(policy: ConnectorSecurityPolicy, category: NegotiationCategory): string[] {
  return { kex: policy.kexs, serverHostKey: policy.hostKeyAlgorithms, cipher: policy.ciphers, hmac: policy.macs }[category];
}
