import { chmod, readFile } from 'node:fs/promises';
import { runTool } from './engine-process.ts';
import type { WorkDir } from './work-dir.ts';

export interface ServerCertificate {
  certFile: string;
  keyFile: string;
  pem: string;
}

/**
 * A fresh self-signed server certificate for 127.0.0.1 and localhost, valid two days, written into
 * the work dir's conf/ and owned by the engine user (Postgres insists the key is 0600 and its own).
 * The openssl CLI is on every Debian image, so no npm package is needed for this. The key is
 * EC P-256 so the PEM (~600 bytes) fits Glue's 1024-character CUSTOM_JDBC_CERT_STRING.
 */
export async function createServerCertificate(dir: WorkDir): Promise<ServerCertificate> {
  const certFile = dir.conf('server.crt');
  const keyFile = dir.conf('server.key');
  await runTool(
    {
      command: 'openssl',
      args: ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-days', '2', '-keyout', keyFile, '-out', certFile],
      user: { name: 'self' },
    },
    'generating the self-signed server certificate',
  );
  await chmod(keyFile, 0o600);
  await Promise.all([dir.giveToEngine(certFile), dir.giveToEngine(keyFile)]);
  return { certFile, keyFile, pem: await readFile(certFile, 'utf8') };
}
