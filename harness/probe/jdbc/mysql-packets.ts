import { printable } from '../../../core/values/index.ts';
import { WireError, type WireReader } from './wire-reader.ts';

// MySQL/MariaDB client/server protocol (https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase.html).
// Hand-written: a scan reads one packet and may send one.

export const CLIENT_SSL = 0x800;
const CLIENT_LONG_PASSWORD = 0x1;
const CLIENT_PROTOCOL_41 = 0x200;
const CLIENT_SECURE_CONNECTION = 0x8000;
const CLIENT_PLUGIN_AUTH = 0x80000;
const UTF8_GENERAL_CI = 33;

export async function readPacket(reader: WireReader, what: string): Promise<{ sequence: number; payload: Buffer }> {
  const header = await reader.read(4, what);
  return { sequence: header[3]!, payload: await reader.read(header.readUIntLE(0, 3), what) };
}

export interface MysqlHandshake {
  serverVersion: string;
  capabilities: number;
  authPlugin?: string;
}

/** Protocol::HandshakeV10; every field read with a bounds check, since the server may be anything. */
export function parseHandshake(payload: Buffer): MysqlHandshake {
  const cursor = new Cursor(payload);
  const protocol = cursor.byte();
  if (protocol !== 10) throw new WireError('protocol', `the server speaks MySQL protocol ${protocol}; only version 10 (MySQL 3.21 and later) is understood`);
  const serverVersion = cursor.nulString();
  cursor.skip(4 + 8 + 1); // connection id, auth-plugin-data part 1, filler
  let capabilities = cursor.uint16();
  if (cursor.done()) return { serverVersion, capabilities };
  cursor.skip(1 + 2); // character set, status flags
  capabilities |= cursor.uint16() << 16;
  const authDataLength = cursor.byte();
  cursor.skip(10); // reserved (MariaDB's extended capabilities)
  if (capabilities & CLIENT_SECURE_CONNECTION) cursor.skip(Math.max(13, authDataLength - 8));
  return { serverVersion, capabilities: capabilities >>> 0, ...(capabilities & CLIENT_PLUGIN_AUTH && !cursor.done() ? { authPlugin: cursor.nulString(true) } : {}) };
}

/** ERR_Packet; before the handshake there is no `#SQLSTATE` marker, after it there is. */
export function parseErrorPacket(payload: Buffer): { code: string; message: string } {
  if (payload.length < 3) throw new WireError('protocol', 'the server sent a truncated error packet');
  const code = payload.readUInt16LE(1);
  const text = payload.subarray(payload[3] === 0x23 ? 9 : 3).toString('utf8');
  return { code: String(code), message: printable(text) };
}

/** Protocol::SSLRequest: the start of a HandshakeResponse41 with CLIENT_SSL, after which TLS begins. */
export function sslRequestPacket(sequence: number): Buffer {
  const packet = Buffer.alloc(4 + 32);
  packet.writeUIntLE(32, 0, 3);
  packet[3] = sequence;
  packet.writeUInt32LE(CLIENT_SSL | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_LONG_PASSWORD | CLIENT_PLUGIN_AUTH, 4);
  packet.writeUInt32LE(16 * 1024 * 1024, 8);
  packet[12] = UTF8_GENERAL_CI;
  return packet;
}

class Cursor {
  #at = 0;
  constructor(private readonly bytes: Buffer) {}

  done(): boolean {
    return this.#at >= this.bytes.length;
  }

  byte(): number {
    this.#need(1);
    return this.bytes[this.#at++]!;
  }

  uint16(): number {
    this.#need(2);
    this.#at += 2;
    return this.bytes.readUInt16LE(this.#at - 2);
  }

  skip(count: number): void {
    this.#need(count);
    this.#at += count;
  }

  /** A NUL-terminated string; `orEnd`: the terminator may be missing at the end of the packet (as some servers send the plugin name). */
  nulString(orEnd = false): string {
    let end = this.bytes.indexOf(0, this.#at);
    if (end < 0 && orEnd) end = this.bytes.length;
    if (end < 0) throw new WireError('protocol', 'the handshake packet has a string without its terminating NUL');
    const text = printable(this.bytes.toString('utf8', this.#at, end));
    this.#at = end + 1;
    return text;
  }

  #need(count: number): void {
    if (this.#at + count > this.bytes.length) throw new WireError('protocol', 'the handshake packet is truncated');
  }
}
