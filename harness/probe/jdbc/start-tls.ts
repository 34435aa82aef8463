import { X509Certificate } from 'node:crypto';
import { isIP, type Socket } from 'node:net';
import { connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import createDebug from 'debug';
import type { CertificateInfo } from './database-server-scan.ts';
import { describeCertificate } from './describe-certificate.ts';

const debug = createDebug('partner-harness:probe:jdbc');

export interface TlsSession {
  socket: TLSSocket;
  certificates: CertificateInfo[];
  protocol?: string;
  cipher?: string;
}

/**
 * Runs a TLS handshake over a connection the server has agreed to secure and reads the chain it
 * sends. Nothing is verified (the probe reports what a client would have to trust), as the JDBC
 * drivers' default `prefer` mode does. Rejects with the handshake's error or a timeout.
 *
 * Takes `socket` over: the caller destroys the returned TLS socket, never `socket` (on failure
 * this function destroys both). Destroying a socket that a TLSSocket wraps before the TLSSocket
 * crashes Node 20 with a segmentation fault (the class of nodejs/node#49327).
 */
export function startTls(socket: Socket, host: string, timeoutMs: number): Promise<TlsSession> {
  return new Promise<TlsSession>((resolve, reject) => {
    const secure = connect({ socket, rejectUnauthorized: false, ...(isIP(host) ? {} : { servername: host }) });
    const fail = (reason: string) => {
      clearTimeout(timer);
      secure.destroy();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail(`no TLS handshake within ${timeoutMs} ms`), timeoutMs);
    // OpenSSL's message is several lines of file and line numbers; its reason and code say it.
    secure.on('error', (error: Error & { reason?: string; code?: string }) => fail(`the TLS handshake failed: ${error.reason ?? error.message}${error.code ? ` (${error.code})` : ''}`));
    secure.once('close', () => fail('the server closed the connection during the TLS handshake'));
    secure.once('secureConnect', () => {
      let certificates: CertificateInfo[];
      try {
        certificates = peerChain(secure);
      } catch (error) {
        return fail(`the server's certificate cannot be read: ${(error as Error).message}`);
      }
      clearTimeout(timer);
      const session: TlsSession = { socket: secure, certificates, protocol: secure.getProtocol() ?? undefined, cipher: secure.getCipher()?.name };
      debug('tls %s %s, %d certificate(s)', session.protocol, session.cipher, session.certificates.length);
      resolve(session);
    });
  });
}

/** Leaf first, up the issuer links until one repeats (a self-signed root is its own issuer). */
function peerChain(socket: TLSSocket): CertificateInfo[] {
  const chain: CertificateInfo[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(describeCertificate(new X509Certificate(current.raw)));
    current = current.issuerCertificate;
  }
  return chain;
}
