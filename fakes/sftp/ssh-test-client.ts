import ssh2, { type Client, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import type { StartedSftpFake } from './started-sftp-fake.ts';

/** Test helper: a real ssh2 client against a started fake. Not part of the public barrel. */
export function connectSsh(fake: StartedSftpFake, config: Partial<ConnectConfig> = {}): Promise<Client> {
  const client = new ssh2.Client();
  return new Promise((resolve, reject) => {
    client
      .once('ready', () => resolve(client))
      // Kept for the client's whole life: a reset after the test is done (stop() destroys sockets) is expected.
      .on('error', (error) => {
        client.end();
        reject(error);
      })
      .once('close', () => reject(new Error('connection closed before ready')))
      .connect({ host: fake.getHost(), port: fake.getPort(), readyTimeout: 5000, ...config });
  });
}

export function openSftp(client: Client): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((error, sftp) => (error ? reject(error) : resolve(sftp))));
}

/** Promisifies one SFTPWrapper call: `await call<Buffer>((cb) => sftp.readFile('a', cb))`. */
export function call<T = void>(run: (callback: (error?: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}
