import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTcp } from './connect-tcp.ts';
import { describeCertificate } from './describe-certificate.ts';
import { startTls } from './start-tls.ts';

const run = promisify(execFile);

/** A CA and a leaf it signed for db.acme.example, made with the openssl CLI (the fakes need it too). */
async function makeChain(dir: string): Promise<{ ca: string; leaf: string; key: string }> {
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-subj', '/O=Acme/CN=Acme Test CA', '-days', '30', '-keyout', file('ca.key'), '-out', file('ca.crt')]);
  await run('openssl', ['req', ...ec, '-subj', '/O=Acme/CN=db.acme.example', '-keyout', file('leaf.key'), '-out', file('leaf.csr')]);
  await writeFile(file('leaf.ext'), 'subjectAltName=DNS:db.acme.example,IP:10.0.0.5\n');
  await run('openssl', ['x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '10', '-extfile', file('leaf.ext'), '-out', file('leaf.crt')]);
  return { ca: await readFile(file('ca.crt'), 'utf8'), leaf: await readFile(file('leaf.crt'), 'utf8'), key: await readFile(file('leaf.key'), 'utf8') };
}

describe('startTls', () => {
  let dir: string;
  let server: Server;
  let chain: { ca: string; leaf: string; key: string };
  const servernames: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'partner-harness-probe-tls-'));
    chain = await makeChain(dir);
    // SNICallback sees the ClientHello's server name; it is not called when the client sends none.
    const SNICallback = (name: string, done: (error: Error | null) => void) => {
      servernames.push(name);
      done(null);
    };
    server = createServer({ key: chain.key, cert: chain.leaf + chain.ca, SNICallback }, (socket) => socket.on('error', () => undefined));
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the whole chain the server sends, leaf first, and names the host by SNI', async () => {
    const socket = await connectTcp('127.0.0.1', (server.address() as AddressInfo).port, 2_000);
    const session = await startTls(socket, 'db.acme.example', 2_000);
    session.socket.destroy();
    expect(session.certificates.map(({ subject, issuer, selfSigned }) => ({ subject, issuer, selfSigned }))).toEqual([
      { subject: 'O=Acme, CN=db.acme.example', issuer: 'O=Acme, CN=Acme Test CA', selfSigned: false },
      { subject: 'O=Acme, CN=Acme Test CA', issuer: 'O=Acme, CN=Acme Test CA', selfSigned: true },
    ]);
    expect(session.certificates.map((certificate) => certificate.fingerprint256)).toEqual([new X509Certificate(chain.leaf).fingerprint256, new X509Certificate(chain.ca).fingerprint256]);
    expect(session.certificates[0]).toMatchObject({ subjectAltName: ['DNS:db.acme.example', 'IP Address:10.0.0.5'], expiresInDays: 9 });
    expect(servernames).toEqual(['db.acme.example']);
  });

  it('sends no SNI for an IP address', async () => {
    const socket = await connectTcp('127.0.0.1', (server.address() as AddressInfo).port, 2_000);
    (await startTls(socket, '127.0.0.1', 2_000)).socket.destroy();
    expect(servernames).toEqual(['db.acme.example']);
  });
});

describe('describeCertificate', () => {
  it('counts whole days to expiry, negative once expired', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'partner-harness-probe-tls-'));
    try {
      const { leaf } = await makeChain(dir);
      const certificate = new X509Certificate(leaf);
      const validTo = new Date(certificate.validTo).getTime();
      expect(describeCertificate(certificate, new Date(validTo - 36 * 3600_000)).expiresInDays).toBe(1);
      expect(describeCertificate(certificate, new Date(validTo + 3600_000)).expiresInDays).toBe(-1);
      expect(describeCertificate(certificate, new Date(validTo + 50 * 24 * 3600_000)).expiresInDays).toBe(-50);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
