import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SSHD } from './sftp-runtime.ts';
import { FakeStartError } from '../../core/errors/index.ts';

const run = promisify(execFile);

/** `sshd -t`: the config is checked (keys readable, names known) before sshd is started with it. */
export async function validateSshdConfig(configFile: string): Promise<void> {
  try {
    await run(SSHD, ['-t', '-f', configFile]);
  } catch (error) {
    const stderr = ((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
    throw new FakeStartError(
      `SftpFake (process): OpenSSH rejects the generated sshd_config: ${stderr}` +
        (/Bad SSH2|Bad key types|unsupported/i.test(stderr) ? ' (withAlgorithms names something ssh2 supports but this OpenSSH does not)' : ''),
      { cause: error },
    );
  }
}

let version: Promise<number> | undefined;

/** The installed OpenSSH as major * 100 + minor (`sshd -V` prints e.g. `OpenSSH_9.2p1 ..., OpenSSL ...`): 902. */
export function opensshVersion(): Promise<number> {
  const parse = (text = '') => {
    const [, major = '0', minor = '0'] = /OpenSSH_(\d+)\.(\d+)/.exec(text) ?? [];
    return Number(major) * 100 + Number(minor);
  };
  version ??= run(SSHD, ['-V']).then(
    ({ stdout, stderr }) => parse(stdout + stderr),
    (error: { stderr?: string }) => parse(error.stderr),
  );
  return version;
}
