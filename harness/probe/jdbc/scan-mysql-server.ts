import createDebug from 'debug';
import { PartnerUnreachableError } from '../sftp/scan-sftp-server.ts';
import { connectTcp } from './connect-tcp.ts';
import type { DatabaseServerScan, DatabaseTarget } from './database-server-scan.ts';
import { CLIENT_SSL, parseErrorPacket, parseHandshake, readPacket, sslRequestPacket, type MysqlHandshake } from './mysql-packets.ts';
import { startTls } from './start-tls.ts';
import { WireError, WireReader } from './wire-reader.ts';

const debug = createDebug('partner-harness:probe:jdbc');

/**
 * What a MySQL or MariaDB server tells every client before login: its version, whether it offers
 * TLS, its default auth plugin (the initial handshake), and when TLS is offered the certificate
 * chain (SSLRequest, then a TLS handshake). Whether TLS is required is per account or a server
 * variable, which only a login can show, so `tls.required` stays unknown here.
 */
export async function scanMysqlServer(target: DatabaseTarget, options: { timeoutMs: number }): Promise<DatabaseServerScan> {
  const where = `${target.host}:${target.port}`;
  const socket = await connectTcp(target.host, target.port, options.timeoutMs);
  const sockets = [socket];
  try {
    const reader = new WireReader(socket, options.timeoutMs);
    const greeting = await readGreeting(reader, where);
    debug('%s: greeting %o', where, greeting);
    if ('message' in greeting) return { target, tls: { offered: false, certificates: [] }, serverError: greeting };
    const offered = (greeting.capabilities & CLIENT_SSL) !== 0;
    // Not offered is not required; offered, only a login can tell.
    const scan: DatabaseServerScan = { target, version: displayVersion(greeting.serverVersion), tls: { offered, ...(offered ? {} : { required: false }), certificates: [] }, ...(greeting.authPlugin ? { authMethod: greeting.authPlugin } : {}) };
    if (!offered) return scan;
    socket.write(sslRequestPacket(greeting.sequence + 1));
    if (reader.detach().length > 0) return { ...scan, serverError: { message: 'the server sent data after its handshake and before TLS' } };
    const secured = await startTls(sockets.shift()!, target.host, options.timeoutMs).catch((error: Error) => error);
    if (secured instanceof Error) return { ...scan, serverError: { message: secured.message } };
    sockets.push(secured.socket);
    return { ...scan, tls: { ...scan.tls, certificates: secured.certificates, protocol: secured.protocol, cipher: secured.cipher } };
  } finally {
    for (const each of sockets) each.destroy();
  }
}

/** The handshake, or the error a server sends instead (e.g. 1130 "Host … is not allowed to connect"). Anything else: no MySQL server there. */
async function readGreeting(reader: WireReader, where: string): Promise<(MysqlHandshake & { sequence: number }) | { code: string; message: string }> {
  try {
    const { sequence, payload } = await readPacket(reader, 'handshake');
    if (payload[0] === 0xff) return parseErrorPacket(payload);
    return { ...parseHandshake(payload), sequence };
  } catch (error) {
    if (error instanceof WireError) throw new PartnerUnreachableError(where, `${error.message}: is a MySQL or MariaDB server listening there?`);
    throw error;
  }
}

/** MariaDB before 11 prefixes its version with `5.5.5-` for old replication clients; SELECT VERSION() has no prefix. */
function displayVersion(version: string): string {
  return version.replace(/^5\.5\.5-(?=.*MariaDB)/, '');
}
