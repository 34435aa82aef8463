import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PartnerUnreachableError } from '../sftp/scan-sftp-server.ts';
import { scanDatabaseServer } from './scan-database-server.ts';

// Servers that are not (well-behaved) databases: a scan must answer within its timeout, never
// hang, crash or buffer without bound. Real engines are in scan-postgres-server.test.ts and
// scan-mysql-server.test.ts.

const TIMEOUT = 1_000;
const servers: Server[] = [];
const clients = new Set<Socket>();

afterEach(async () => {
  for (const client of clients) client.destroy();
  clients.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** A TCP server on 127.0.0.1 that plays `script` for every connection (the nth connection gets n). */
async function scripted(script: (socket: Socket, n: number) => void): Promise<number> {
  let count = 0;
  const server = createServer((socket) => {
    clients.add(socket);
    socket.on('error', () => undefined);
    script(socket, count++);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** PostgreSQL's ErrorResponse. */
function pgError(code: string, message: string): Buffer {
  const body = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write('E');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

async function timed<T>(work: Promise<T>): Promise<{ outcome: T | unknown; ms: number }> {
  const start = Date.now();
  const outcome = await work.catch((error: unknown) => error);
  return { outcome, ms: Date.now() - start };
}

const engines = ['postgresql', 'mysql'] as const;

describe('scanDatabaseServer against hostile or absent servers', () => {
  it.each(engines)('%s: a closed port is PartnerUnreachableError naming host:port', async (engine) => {
    const port = await scripted(() => undefined);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));
    const { outcome } = await timed(scanDatabaseServer({ engine, host: '127.0.0.1', port, timeoutMs: TIMEOUT }));
    expect(outcome).toBeInstanceOf(PartnerUnreachableError);
    expect(outcome).toMatchObject({ code: 'PARTNER_UNREACHABLE', message: expect.stringContaining(`127.0.0.1:${port}: connection refused`) });
  });

  it('an unknown host name is PartnerUnreachableError', async () => {
    const { outcome } = await timed(scanDatabaseServer({ engine: 'postgresql', host: 'no-such-host.invalid', port: 5432, timeoutMs: 3_000 }));
    expect(outcome).toBeInstanceOf(PartnerUnreachableError);
  });

  it.each(engines)('%s: a server that accepts and stays silent ends the scan within the timeout', async (engine) => {
    const port = await scripted((socket) => socket.resume());
    const { outcome, ms } = await timed(scanDatabaseServer({ engine, host: '127.0.0.1', port, timeoutMs: TIMEOUT }));
    expect(outcome).toBeInstanceOf(PartnerUnreachableError);
    expect((outcome as Error).message).toMatch(new RegExp(`within ${TIMEOUT} ms`));
    expect(ms).toBeLessThan(TIMEOUT + 1_000);
  });

  it.each(engines)('%s: an HTTP server is not mistaken for a database', async (engine) => {
    const port = await scripted((socket) => socket.resume().end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    const { outcome } = await timed(scanDatabaseServer({ engine, host: '127.0.0.1', port, timeoutMs: TIMEOUT }));
    expect(outcome).toBeInstanceOf(PartnerUnreachableError);
  });

  it.each(engines)('%s: a server that floods bytes is cut off, not buffered', async (engine) => {
    const chunk = Buffer.alloc(64 * 1024, engine === 'postgresql' ? 'N' : 0x01);
    const port = await scripted((socket) => {
      socket.resume();
      const flood = () => {
        while (!socket.destroyed && socket.write(chunk));
      };
      socket.on('drain', flood);
      flood();
    });
    const { outcome, ms } = await timed(scanDatabaseServer({ engine, host: '127.0.0.1', port, timeoutMs: TIMEOUT }));
    expect(ms).toBeLessThan(TIMEOUT * 3 + 1_000);
    const text = outcome instanceof Error ? outcome.message : JSON.stringify(outcome);
    expect(text).toMatch(/more than (the )?65536/);
  });

  describe('postgresql', () => {
    it('reports an answer that breaks off after the SSLRequest as the server error, with no TLS', async () => {
      const port = await scripted((socket) => socket.once('data', () => socket.write('N', () => socket.end())));
      const scan = await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan).toEqual({ target: { engine: 'postgresql', host: '127.0.0.1', port }, tls: { offered: false, required: false, certificates: [] }, serverError: { message: 'the server closed the connection' } });
    });

    it('refuses a message that announces more than 64 KiB', async () => {
      const huge = Buffer.from([0x52, 0x7f, 0xff, 0xff, 0xff]);
      const port = await scripted((socket) => socket.once('data', () => socket.write('N', () => socket.once('data', () => socket.write(huge)))));
      const scan = await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan.serverError?.message).toMatch(/announces 2147483643 bytes, more than the 65536 a scan accepts/);
    });

    it('reports an ErrorResponse to the startup (what a login would hit), code and message', async () => {
      const port = await scripted((socket) => socket.once('data', () => socket.write('N', () => socket.once('data', () => socket.end(pgError('28000', 'no pg_hba.conf entry for host "127.0.0.1", user "partner-harness-probe", database "sales", no encryption'))))));
      const scan = await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, database: 'sales', timeoutMs: TIMEOUT });
      expect(scan.serverError).toEqual({ code: '28000', message: 'FATAL: no pg_hba.conf entry for host "127.0.0.1", user "partner-harness-probe", database "sales", no encryption' });
      expect(scan.authMethod).toBeUndefined();
    });

    it('names md5 and cleartext password requests, and strips control characters from server text', async () => {
      const auth = (code: number) => {
        const message = Buffer.alloc(9 + (code === 5 ? 4 : 0));
        message.write('R');
        message.writeInt32BE(message.length - 1, 1);
        message.writeInt32BE(code, 5);
        return message;
      };
      for (const [code, method] of [[5, 'md5'], [3, 'password'], [0, 'trust'], [7, 'gss'], [12, 'authentication-request-12']] as const) {
        const port = await scripted((socket) => socket.once('data', () => socket.write('N', () => socket.once('data', () => socket.end(auth(code))))));
        expect((await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT })).authMethod).toBe(method);
      }
      const port = await scripted((socket) => socket.once('data', () => socket.write('N', () => socket.once('data', () => socket.end(pgError('XX000', 'evil\u001b[2Jtext'))))));
      expect((await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT })).serverError?.message).toBe('FATAL: evil\\u001b[2Jtext');
    });

    it('reports a server that agrees to TLS and then speaks no TLS, and what it answers without TLS', async () => {
      const port = await scripted((socket, n) => {
        if (n === 0) socket.once('data', () => socket.write('S', () => socket.once('data', () => socket.end('not a TLS record'))));
        else socket.once('data', () => socket.end(pgError('28000', 'no pg_hba.conf entry, no encryption')));
      });
      const scan = await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan.tls).toEqual({ offered: true, certificates: [] });
      expect(scan.serverError?.message).toMatch(/^the TLS handshake failed: wrong version number \(ERR_SSL_WRONG_VERSION_NUMBER\); without TLS: FATAL: no pg_hba.conf entry, no encryption$/);
    });

    it('refuses bytes sent between its TLS answer and the handshake (CVE-2021-23214)', async () => {
      const port = await scripted((socket) => socket.once('data', () => socket.write(Buffer.concat([Buffer.from('S'), pgError('28000', 'injected')]))));
      const scan = await scanDatabaseServer({ engine: 'postgresql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan.serverError?.message).toBe('the server sent data after agreeing to TLS and before the handshake');
    });
  });

  describe('mysql', () => {
    /** A MySQL packet: 3-byte length, sequence id, payload. */
    const packet = (payload: Buffer, sequence = 0) => Buffer.concat([Buffer.from([payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, sequence]), payload]);

    it('reports an error packet sent instead of the handshake with its code and message', async () => {
      const error = Buffer.concat([Buffer.from([0xff, 0x6a, 0x04]), Buffer.from("Host '10.1.2.3' is not allowed to connect to this MariaDB server")]);
      const port = await scripted((socket) => socket.end(packet(error)));
      const scan = await scanDatabaseServer({ engine: 'mysql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan).toEqual({
        target: { engine: 'mysql', host: '127.0.0.1', port },
        tls: { offered: false, certificates: [] },
        serverError: { code: '1130', message: "Host '10.1.2.3' is not allowed to connect to this MariaDB server" },
      });
    });

    it('treats a truncated handshake as no MySQL server there', async () => {
      const port = await scripted((socket) => socket.end(packet(Buffer.from('\x0a8.0.36\0\x01\x00', 'latin1'))));
      const { outcome } = await timed(scanDatabaseServer({ engine: 'mysql', host: '127.0.0.1', port, timeoutMs: TIMEOUT }));
      expect(outcome).toBeInstanceOf(PartnerUnreachableError);
      expect((outcome as Error).message).toMatch(/the handshake packet is truncated/);
    });

    it('reports a server that offers TLS and then speaks no TLS, keeping what the handshake told', async () => {
      const handshake = Buffer.concat([
        Buffer.from('\x0a8.0.36\0', 'latin1'),
        Buffer.alloc(4 + 8 + 1), // connection id, auth data 1, filler
        Buffer.from([0x00, 0xaa]), // capabilities (low): CLIENT_SSL | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION …
        Buffer.from([0xff, 0x02, 0x00]), // charset, status
        Buffer.from([0x08, 0x00]), // capabilities (high): CLIENT_PLUGIN_AUTH
        Buffer.from([21]),
        Buffer.alloc(10),
        Buffer.alloc(13),
        Buffer.from('caching_sha2_password\0'),
      ]);
      const port = await scripted((socket) => {
        socket.write(packet(handshake));
        socket.once('data', () => socket.end('garbage instead of a ServerHello'));
      });
      const scan = await scanDatabaseServer({ engine: 'mysql', host: '127.0.0.1', port, timeoutMs: TIMEOUT });
      expect(scan).toMatchObject({ version: '8.0.36', authMethod: 'caching_sha2_password', tls: { offered: true, certificates: [] } });
      expect(scan.serverError?.message).toMatch(/TLS handshake failed|closed the connection during the TLS handshake/);
    });
  });
});
