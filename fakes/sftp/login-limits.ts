import { InvalidOptionError } from '../../core/errors/index.ts';

/**
 * OpenSSH's `MaxStartups start:rate:full`: with `start` or more unauthenticated connections open,
 * a new one is dropped with probability `rate`% rising linearly to 100% at `full`.
 */
export interface MaxStartups {
  start: number;
  rate: number;
  full: number;
}

/** sshd's defaults: LoginGraceTime 120, MaxStartups 10:30:100. */
export const DEFAULT_LOGIN_GRACE_TIME_MS = 120_000;
export const DEFAULT_MAX_STARTUPS: Readonly<MaxStartups> = Object.freeze({ start: 10, rate: 30, full: 100 });

// setTimeout fires at once beyond this (about 24.8 days), so longer limits cannot be kept.
export const MAX_LOGIN_GRACE_TIME_MS = 2 ** 31 - 1;
const MAX_INT = 2 ** 31 - 1;

/** Whole milliseconds, 0 (no limit, as in sshd) up to about 24 days. */
export function validateLoginGraceTime(method: string, ms: number): void {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_LOGIN_GRACE_TIME_MS) {
    throw new InvalidOptionError(`${method}: invalid ${JSON.stringify(ms)}; use whole milliseconds from 0 (no limit) to ${MAX_LOGIN_GRACE_TIME_MS}, e.g. 120000 for sshd's default`);
  }
}

/** Throws unless `spec` passes sshd's own checks (servconf.c): 1 <= start <= full, 1 <= rate <= 100, whole numbers. */
export function validateMaxStartups(method: string, spec: MaxStartups): void {
  const example = "e.g. { start: 10, rate: 30, full: 100 } (sshd's default)";
  if (typeof spec !== 'object' || spec === null) throw new InvalidOptionError(`${method}: expected { start, rate, full }, got ${JSON.stringify(spec)}; ${example}`);
  const unknown = Object.keys(spec).filter((key) => !['start', 'rate', 'full'].includes(key));
  if (unknown.length > 0) throw new InvalidOptionError(`${method}: unknown key ${unknown.map((key) => `'${key}'`).join(', ')}; use start, rate and full, ${example}`);
  const problem = rangeProblem(spec);
  if (problem) throw new InvalidOptionError(`${method}: ${problem}; ${example}`);
}

/**
 * sshd_config's syntax: `start:rate:full`, or one number `n` meaning start = full = n (every
 * connection beyond n unauthenticated ones is dropped). The error says what is wrong, unprefixed.
 */
export function parseMaxStartups(text: string): MaxStartups {
  const example = 'e.g. "10:30:100" (sshd\'s default) or "2"';
  const match = /^(\d+)(?::(\d+):(\d+))?$/.exec(text);
  if (!match) throw new InvalidOptionError(`cannot read ${JSON.stringify(text)}; use sshd_config's form "start:rate:full" or one number, ${example}`);
  const [, start, rate, full] = match;
  const spec = full === undefined ? { start: Number(start), rate: DEFAULT_MAX_STARTUPS.rate, full: Number(start) } : { start: Number(start), rate: Number(rate), full: Number(full) };
  const problem = rangeProblem(spec);
  if (problem) throw new InvalidOptionError(`${problem} in ${JSON.stringify(text)}; ${example}`);
  return spec;
}

function rangeProblem(spec: MaxStartups): string | undefined {
  for (const key of ['start', 'rate', 'full'] as const) {
    // sshd keeps them in a C int.
    if (!Number.isInteger(spec[key]) || spec[key] < 1 || spec[key] > MAX_INT) return `${key} must be a whole number from 1 to ${MAX_INT}, got ${JSON.stringify(spec[key])}`;
  }
  if (spec.rate > 100) return `rate is a percentage from 1 to 100, got ${spec.rate}`;
  if (spec.start > spec.full) return `start (${spec.start}) must not exceed full (${spec.full})`;
  return undefined;
}

export function formatMaxStartups(spec: MaxStartups): string {
  return `${spec.start}:${spec.rate}:${spec.full}`;
}

/**
 * Whether sshd drops a new connection when `unauthenticated` are already open: the integer
 * arithmetic of should_drop_connection() in sshd.c, with `random` in [0, 1) for arc4random_uniform(100).
 */
export function shouldDropStartup(unauthenticated: number, spec: MaxStartups, random: () => number = Math.random): boolean {
  if (unauthenticated < spec.start) return false;
  if (unauthenticated >= spec.full || spec.rate === 100) return true;
  const percent = spec.rate + Math.floor(((100 - spec.rate) * (unauthenticated - spec.start)) / (spec.full - spec.start));
  return Math.floor(random() * 100) < percent;
}

/** sshd counts LoginGraceTime in whole seconds; a part second rounds up so a limit never becomes 0 (none). */
export function loginGraceTimeSeconds(ms: number): number {
  return Math.ceil(ms / 1000);
}

/** The transcript's note when sshd cannot keep `ms` exactly, or undefined when it can. */
export function loginGraceTimeAdjustment(ms: number): Record<string, unknown> | undefined {
  if (ms % 1000 === 0) return undefined;
  return { option: 'withLoginGraceTime', requested: ms, used: loginGraceTimeSeconds(ms) * 1000, reason: 'sshd counts LoginGraceTime in whole seconds' };
}
