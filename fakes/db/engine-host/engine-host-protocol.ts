import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeStartError, InvalidOptionError, PartnerHarnessError, RuntimeUnavailableError } from '../../../core/errors/index.ts';
import type { DbFakeConfig } from '../db-fake.ts';
import { isRecord } from '../../../core/values/index.ts';

/**
 * Where a process's shared-engine fakes lease their engines instead of starting their own: the
 * socket of an engine host (engine-host.ts). `partner-harness run` sets it for its vitest workers.
 */
export const ENGINE_HOST_ENV = 'PARTNER_HARNESS_ENGINE_HOST';

/**
 * A new private folder (mode 700) for a host's socket, and the socket's path in it: known before
 * the host is loaded, so a run can name it to workers it forks at once (EngineHost.start({ dir })).
 */
export function newHostFolder(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'partner-harness-engine-host-'));
  return { dir, path: hostSocketIn(dir) };
}

export const hostSocketIn = (dir: string) => join(dir, 'host.sock');

/**
 * One line of JSON each way over the host's Unix socket:
 * - `{ id, op: 'lease', config }` → any number of `{ id, record: { kind, detail } }` (the fake's
 *   transcript entries, also later ones such as the engine's unexpected exit), then
 *   `{ id, ok: true, port, certificatePem? }` or `{ id, ok: false, error }`;
 * - `{ id, op: 'release', lease }` → `{ id, ok: true }` once its users and databases are dropped.
 */
export type HostRequest = { id: number; op: 'lease'; config: DbFakeConfig } | { id: number; op: 'release'; lease: number };

export type HostMessage =
  | { id: number; record: { kind: string; detail: Record<string, unknown> } }
  | { id: number; ok: true; port?: number; certificatePem?: string }
  | { id: number; ok: false; error: WireError };

export interface WireError {
  name: string;
  code?: string;
  message: string;
  fix?: string;
}

/** A message as one line: JSON (which escapes any newline inside its strings), then a newline. */
export const toLine = (message: HostRequest | HostMessage): string => `${JSON.stringify(message)}\n`;

/** A line longer than this many bytes ends the connection: a fake's config is a few hundred. */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Splits a byte stream into UTF-8 lines of at most MAX_LINE_BYTES, split on the newline byte (which
 * never occurs inside a multi-byte character, so one split across chunks stays whole);
 * `onTooLong` when a line grows longer.
 */
export function lineReader(onLine: (line: string) => void, onTooLong: () => void): (chunk: Buffer) => void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return (chunk) => {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, newline);
      if (pendingBytes + piece.length > MAX_LINE_BYTES) return onTooLong();
      const line = Buffer.concat([...pending, piece]).toString('utf8');
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
      if (line.length > 0) onLine(line);
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > MAX_LINE_BYTES) return onTooLong();
    if (rest.length > 0) pending.push(rest);
  };
}

export function toWireError(error: unknown): WireError {
  const caught = error instanceof Error ? error : new Error(String(error));
  const { code, fix } = caught as { code?: unknown; fix?: unknown };
  return { name: caught.name, message: caught.message, ...(typeof code === 'string' ? { code } : {}), ...(typeof fix === 'string' ? { fix } : {}) };
}

/** The same class the host threw where it is one of ours, so callers can still match on it. */
export function fromWireError(wire: WireError): Error {
  const known: Record<string, new (message: string, options?: { fix?: string }) => Error> = { FakeStartError, RuntimeUnavailableError, InvalidOptionError };
  // Ours append the fix to the message; given apart, it would be appended twice.
  const fix = wire.fix;
  const message = fix && wire.message.endsWith(`. ${fix}`) ? wire.message.slice(0, -(fix.length + 2)) : wire.message;
  const Known = known[wire.name];
  if (Known) return new Known(message, fix ? { fix } : undefined);
  if (wire.code) return Object.assign(new PartnerHarnessError(wire.code, message, fix ? { fix } : {}), { name: wire.name });
  return Object.assign(new Error(wire.message), { name: wire.name });
}

/**
 * A lease's config as the host accepts it: only our workers reach the socket (its folder is the
 * run's own, mode 700), yet nothing read from a socket is trusted. Undefined when it is not one.
 */
export function readLeaseConfig(value: unknown): DbFakeConfig | undefined {
  if (!isRecord(value)) return undefined;
  const { engine, runtime, users, databases, tls, requireTls } = value;
  if (engine !== 'postgresql' && engine !== 'mysql') return undefined;
  if (runtime !== 'embedded' && runtime !== 'process') return undefined;
  if (typeof tls !== 'boolean' || typeof requireTls !== 'boolean') return undefined;
  if (!Array.isArray(users) || !users.every((user) => isRecord(user) && isName(user.name) && isName(user.password) && (user.superuser === undefined || typeof user.superuser === 'boolean'))) return undefined;
  if (!Array.isArray(databases) || !databases.every((database) => isRecord(database) && isName(database.name) && (database.owner === undefined || isName(database.owner)))) return undefined;
  return {
    engine,
    runtime,
    tls,
    requireTls,
    sharedEngine: true,
    users: users.map((user) => ({ name: user.name as string, password: user.password as string, ...(user.superuser ? { superuser: true } : {}) })),
    databases: databases.map((database) => ({ name: database.name as string, ...(database.owner === undefined ? {} : { owner: database.owner as string }) })),
  };
}

const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 1024 && !value.includes('\0');
