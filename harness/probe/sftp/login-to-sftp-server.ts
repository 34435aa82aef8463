import ssh2, { type ConnectConfig } from 'ssh2';
import createDebug from 'debug';
import { SSH2_SUPPORTED } from '../../../core/ssh/index.ts';
import type { ConnectorCredentials } from './predict-policies.ts';

const debug = createDebug('partner-harness:probe:sftp');

/** At most this many home-directory entries are listed: a probe is not a file browser. */
const MAX_ENTRIES = 100;

/** A real login with the connector's credentials, as the probe reports it (no secret in it). */
export type SftpLogin =
  | { ok: true; username: string; method: 'password' | 'publickey'; home: string; entries: string[]; truncated: boolean }
  | { ok: false; username: string; stage: 'login' | 'sftp'; reason: string };

/**
 * Logs in with every algorithm ssh2 speaks (the policies' own answers are the policy matrix),
 * opens the sftp subsystem and lists the home directory. The server's host key is not checked
 * here: the scan just read it, and the policy matrix checks it as a connector would.
 */
export function loginToSftpServer(target: { host: string; port: number }, credentials: ConnectorCredentials, timeoutMs: number): Promise<SftpLogin> {
  const client = new ssh2.Client();
  const method = credentials.privateKey ? 'publickey' : 'password';
  return new Promise<SftpLogin>((resolve) => {
    let settled = false;
    const finish = (login: SftpLogin) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      client.end();
      setImmediate(() => client.destroy());
      resolve(login);
    };
    const fail = (stage: 'login' | 'sftp', reason: string) => finish({ ok: false, username: credentials.username, stage, reason });
    const deadline = setTimeout(() => fail('login', `no answer within ${timeoutMs} ms`), timeoutMs);
    client
      .on('ready', () =>
        client.sftp((error, sftp) => {
          if (error) return fail('sftp', error.message);
          sftp.realpath('.', (realpathError, home) => {
            if (realpathError) return fail('sftp', realpathError.message);
            sftp.readdir('.', (readError, list) => {
              if (readError) return fail('sftp', readError.message);
              const names = list.map((entry) => entry.filename).sort();
              finish({ ok: true, username: credentials.username, method, home, entries: names.slice(0, MAX_ENTRIES), truncated: names.length > MAX_ENTRIES });
            });
          });
        }),
      )
      // ssh2's messages name no secret ("All configured authentication methods failed").
      .on('error', (error) => fail('login', error.message))
      .on('close', () => fail('login', 'the server closed the connection'));
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: credentials.username,
      ...(credentials.privateKey ? { privateKey: credentials.privateKey } : { password: credentials.password }),
      readyTimeout: timeoutMs,
      tryKeyboard: false,
      algorithms: {
        kex: SSH2_SUPPORTED.kex,
        serverHostKey: SSH2_SUPPORTED.serverHostKey,
        cipher: SSH2_SUPPORTED.cipher,
        hmac: SSH2_SUPPORTED.mac,
        compress: SSH2_SUPPORTED.compression,
      } as unknown as ConnectConfig['algorithms'],
      debug: (line: string) => debug(line),
    };
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 refuses a private key it cannot parse before connecting.
      fail('login', (error as Error).message);
    }
  });
}
