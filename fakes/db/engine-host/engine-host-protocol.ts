import { FakeStartError, InvalidOptionError, PartnerHarnessError, RuntimeUnavailableError } from '../../../core/errors/index.ts';
import type { DbFakeConfig } from '../db-fake.ts';

/**
 * Where a process's shared-engine fakes lease their engines instead of starting their own: the
 * socket of an engine host (engine-host.ts). `partner-harness run` sets it for its vitest workers.
 */
export const ENGINE_HOST_ENV = 'PARTNER_HARNESS_ENGINE_HOST';

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
}

/** A line longer than this ends the connection: a fake's config is a few hundred bytes. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Splits a stream into lines, at most MAX_LINE_BYTES each; `onTooLong` when one is longer. */
export function lineReader(onLine: (line: string) => void, onTooLong: () => void): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.length > 0) onLine(line);
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_BYTES) onTooLong();
  };
}

export function toWireError(error: unknown): WireError {
  const caught = error instanceof Error ? error : new Error(String(error));
  const code = (caught as { code?: unknown }).code;
  return { name: caught.name, message: caught.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** The same class the host threw where it is one of ours, so callers can still match on it. */
export function fromWireError(wire: WireError): Error {
  const known: Record<string, new (message: string) => Error> = { FakeStartError, RuntimeUnavailableError, InvalidOptionError };
  const Known = known[wire.name];
  if (Known) return new Known(wire.message);
  if (wire.code) return Object.assign(new PartnerHarnessError(wire.code, wire.message), { name: wire.name });
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 1024 && !value.includes('\0');
