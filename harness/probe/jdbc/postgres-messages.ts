import { printable } from '../../../core/values/index.ts';
import { WireError, type WireReader } from './wire-reader.ts';

// PostgreSQL frontend/backend protocol 3.0 (https://www.postgresql.org/docs/current/protocol-message-formats.html).
// Hand-written: a scan needs two frontend messages and two backend ones.

const SSL_REQUEST_CODE = 80877103;
const PROTOCOL_3_0 = 196608;

export function sslRequest(): Buffer {
  const message = Buffer.alloc(8);
  message.writeInt32BE(8, 0);
  message.writeInt32BE(SSL_REQUEST_CODE, 4);
  return message;
}

export function startupMessage(parameters: Record<string, string>): Buffer {
  const body = Buffer.from(`${Object.entries(parameters).map(([key, value]) => `${key}\0${value}\0`).join('')}\0`, 'utf8');
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(PROTOCOL_3_0, 4);
  return Buffer.concat([header, body]);
}

/** The server's first answer to a startup message: what it asks for, or why it refuses. */
export type StartupAnswer = { kind: 'auth'; method: string; mechanisms?: string[] } | { kind: 'error'; code?: string; message: string };

const MAX_NOTICES = 8;

const AUTH_METHODS: Record<number, string> = { 0: 'trust', 2: 'kerberos-v5', 3: 'password', 5: 'md5', 6: 'scm-credential', 7: 'gss', 9: 'sspi' };

/** Reads one backend message and turns an AuthenticationRequest ('R') or ErrorResponse ('E') into an answer. */
export async function readStartupAnswer(reader: WireReader): Promise<StartupAnswer> {
  let { type, body } = await readMessage(reader, 'answer to the startup message');
  // A NoticeResponse may come at any time (protocol docs, "Asynchronous Operations"); a few are skipped, not an endless stream.
  for (let notices = 0; type === 'N' && notices < MAX_NOTICES; notices++) ({ type, body } = await readMessage(reader, 'answer to the startup message'));
  if (type === 'E') return errorAnswer(body);
  if (type !== 'R' || body.length < 4) throw new WireError('protocol', `the server answered the startup message with message type ${JSON.stringify(type)}, not an authentication request`);
  const code = body.readInt32BE(0);
  if (code !== 10) return { kind: 'auth', method: AUTH_METHODS[code] ?? `authentication-request-${code}` };
  const mechanisms = nulTerminated(body.subarray(4)).filter(Boolean);
  // SCRAM-SHA-256 is what every client can use; -PLUS adds channel binding over TLS.
  const method = mechanisms.includes('SCRAM-SHA-256') ? 'scram-sha-256' : (mechanisms[0]?.toLowerCase() ?? 'sasl');
  return { kind: 'auth', method, mechanisms };
}

/** ErrorResponse fields: S severity, C SQLSTATE, M message (D detail and H hint are not reported). */
export function errorAnswer(body: Buffer): StartupAnswer {
  const fields = new Map<string, string>();
  for (const field of nulTerminated(body)) if (field) fields.set(field[0]!, field.slice(1));
  const severity = fields.get('V') ?? fields.get('S');
  const message = fields.get('M') ?? 'the server sent an error without a message';
  return { kind: 'error', code: fields.get('C'), message: severity ? `${severity}: ${message}` : message };
}

export async function readMessage(reader: WireReader, what: string): Promise<{ type: string; body: Buffer }> {
  const header = await reader.read(5, what);
  const length = header.readInt32BE(1);
  if (length < 4) throw new WireError('protocol', `the server sent a malformed message (length ${length})`);
  return { type: String.fromCharCode(header[0]!), body: await reader.read(length - 4, what) };
}

function nulTerminated(bytes: Buffer): string[] {
  return bytes.toString('utf8').split('\0').map(printable);
}
