import type { Socket } from 'node:net';
import createDebug from 'debug';
import { PartnerUnreachableError } from '../sftp/scan-sftp-server.ts';
import { connectTcp } from './connect-tcp.ts';
import type { DatabaseServerScan, DatabaseTarget } from './database-server-scan.ts';
import { errorAnswer, readStartupAnswer, sslRequest, startupMessage, type StartupAnswer } from './postgres-messages.ts';
import { startTls } from './start-tls.ts';
import { WireError, WireReader } from './wire-reader.ts';

const debug = createDebug('partner-harness:probe:jdbc');

/**
 * What a PostgreSQL server tells a client with no password: whether it offers TLS and with which
 * certificates (SSLRequest), and what it asks a login for (the first answer to a StartupMessage,
 * sent over TLS when offered, as the JDBC driver's default prefers). When TLS is offered, a second
 * startup without TLS tells whether the server requires it (hostssl-only pg_hba rules).
 */
export async function scanPostgresServer(target: DatabaseTarget, options: { user: string; timeoutMs: number }): Promise<DatabaseServerScan> {
  const where = `${target.host}:${target.port}`;
  const sockets: Socket[] = [await connectTcp(target.host, target.port, options.timeoutMs)];
  const startup = startupMessage({ user: options.user, ...(target.database === undefined ? {} : { database: target.database }), application_name: 'partner-harness-probe' });
  try {
    const reader = new WireReader(sockets[0]!, options.timeoutMs);
    sockets[0]!.write(sslRequest());
    const ssl = await readSslAnswer(reader, where);
    debug('%s: SSLRequest answered %s', where, ssl.kind === 'error' ? ssl.message : ssl.kind);
    if (ssl.kind === 'error') return compose(target, { offered: false, certificates: [] }, ssl);
    if (ssl.kind === 'N') return compose(target, { offered: false, required: false, certificates: [] }, await ask(sockets[0]!, reader, startup));
    // Bytes before the handshake would be read as if they came over TLS (CVE-2021-23214): refuse them.
    if (reader.detach().length > 0) return { target, tls: { offered: true, certificates: [] }, serverError: { message: 'the server sent data after agreeing to TLS and before the handshake' } };
    const secured = await startTls(sockets.shift()!, target.host, options.timeoutMs).catch((error: Error) => error);
    if (secured instanceof Error) {
      const plain = await askPlain(target, startup, options.timeoutMs, sockets);
      const serverError = { message: plain.kind === 'error' ? `${secured.message}; without TLS: ${plain.message}` : secured.message };
      return { ...compose(target, { offered: true, certificates: [] }, plain), serverError };
    }
    sockets.push(secured.socket);
    const answer = await ask(secured.socket, new WireReader(secured.socket, options.timeoutMs), startup);
    const plain = await askPlain(target, startup, options.timeoutMs, sockets);
    const tls = { offered: true, required: tlsRequired(answer, plain), certificates: secured.certificates, protocol: secured.protocol, cipher: secured.cipher };
    // A server with hostnossl rules only (rare) asks for a password on the plain connection alone.
    return compose(target, tls, answer.kind === 'error' && plain.kind === 'auth' ? plain : answer);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}

type SslAnswer = { kind: 'S' | 'N' } | (StartupAnswer & { kind: 'error' });

/** Anything but 'S', 'N' or an ErrorResponse means no PostgreSQL server is listening there. */
async function readSslAnswer(reader: WireReader, where: string): Promise<SslAnswer> {
  let byte: number;
  try {
    byte = (await reader.read(1, 'answer to the SSLRequest'))[0]!;
    if (byte === 0x45) return errorAnswer(await readErrorBody(reader)) as SslAnswer;
  } catch (error) {
    if (error instanceof WireError) throw new PartnerUnreachableError(where, `${error.message}: is a PostgreSQL server listening there?`);
    throw error;
  }
  if (byte === 0x53 || byte === 0x4e) return { kind: byte === 0x53 ? 'S' : 'N' };
  throw new PartnerUnreachableError(where, `the server answered the SSLRequest with byte 0x${byte.toString(16).padStart(2, '0')}, which no PostgreSQL server sends`);
}

async function readErrorBody(reader: WireReader): Promise<Buffer> {
  const length = (await reader.read(4, 'error message')).readInt32BE(0);
  if (length < 4) throw new WireError('protocol', `the server sent a malformed error (length ${length})`);
  return reader.read(length - 4, 'error message');
}

/** A broken or silent server becomes an error answer: the scan reports it rather than failing. */
async function ask(socket: Socket, reader: WireReader, startup: Buffer): Promise<StartupAnswer> {
  socket.write(startup);
  try {
    return await readStartupAnswer(reader);
  } catch (error) {
    if (error instanceof WireError) return { kind: 'error', message: error.message };
    throw error;
  }
}

async function askPlain(target: DatabaseTarget, startup: Buffer, timeoutMs: number, sockets: Socket[]): Promise<StartupAnswer> {
  try {
    const socket = await connectTcp(target.host, target.port, timeoutMs);
    sockets.push(socket);
    const answer = await ask(socket, new WireReader(socket, timeoutMs), startup);
    debug('%s: plain startup answered %o', `${target.host}:${target.port}`, answer);
    return answer;
  } catch (error) {
    if (error instanceof PartnerUnreachableError) return { kind: 'error', message: error.message };
    throw error;
  }
}

/** Required when TLS gets a login prompt and plain gets pg_hba's "no encryption" ("SSL off" before PostgreSQL 12). */
function tlsRequired(secured: StartupAnswer, plain: StartupAnswer): boolean | undefined {
  if (plain.kind === 'auth') return false;
  if (secured.kind === 'auth' && /no encryption|SSL off/i.test(plain.message)) return true;
  return undefined;
}

function compose(target: DatabaseTarget, tls: DatabaseServerScan['tls'], answer: StartupAnswer): DatabaseServerScan {
  if (answer.kind === 'error') return { target, tls, serverError: { ...(answer.code ? { code: answer.code } : {}), message: answer.message } };
  return { target, tls, authMethod: answer.method, ...(answer.mechanisms ? { authMechanisms: answer.mechanisms } : {}) };
}
