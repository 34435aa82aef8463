import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const opensslAvailable = await run('openssl', ['version']).then(
  () => true,
  () => false,
);

/** The leaf certificate's SHA-256 fingerprint as `openssl s_client -starttls` (a client we did not write) receives it. */
export async function opensslLeafFingerprint(host: string, port: number, starttls: 'postgres' | 'mysql'): Promise<string> {
  const pending = run('openssl', ['s_client', '-starttls', starttls, '-connect', `${host}:${port}`], { timeout: 10_000 });
  // End of input: s_client sends nothing and closes once the handshake is done.
  pending.child.stdin?.end();
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec((await pending).stdout)?.[0];
  if (!pem) throw new Error(`openssl s_client -starttls ${starttls} printed no certificate`);
  return new X509Certificate(pem).fingerprint256;
}
