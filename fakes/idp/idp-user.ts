import { parseCidrs } from './ip-allow-list.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

export interface HomeDirectoryMapping {
  Entry: string;
  Target: string;
}

export interface PosixProfile {
  Uid: number;
  Gid: number;
  SecondaryGids?: number[];
}

/** A user as the fake's provider knows it; field names follow the response JSON in camelCase. */
export interface IdpUser {
  username: string;
  /** Password auth; absent means password logins fail. */
  password?: string;
  /** Returned as `PublicKeys` for key auth (a request without a password). */
  publicKeys?: string[];
  /** IAM role ARN, returned as `Role`. */
  role: string;
  homeDirectoryType?: 'PATH' | 'LOGICAL';
  /** With PATH (or no type): `/bucket/prefix`. */
  homeDirectory?: string;
  /** With LOGICAL; sent as a string holding JSON, as Transfer requires. */
  homeDirectoryDetails?: HomeDirectoryMapping[];
  /** Session policy; objects are sent JSON.stringified. */
  policy?: string | Record<string, unknown>;
  posixProfile?: PosixProfile;
  /** CIDRs; a source IP outside all of them gets `{}`. */
  ipAllowList?: string[];
}

/** The per-session part of a user, shared with provider defaults. */
export type SessionConfig = Partial<Omit<IdpUser, 'username' | 'password' | 'publicKeys'>>;

/** Transfer's UserName pattern. */
export const USERNAME_PATTERN = /^[\w][\w@.-]{2,99}$/;

export function validateIdpUser(user: IdpUser, where: string): void {
  if (typeof user !== 'object' || user === null) throw new InvalidOptionError(`${where}: expected a user object, got ${JSON.stringify(user)}`);
  const at = `${where}: user ${JSON.stringify(user.username)}`;
  if (typeof user.username !== 'string' || !USERNAME_PATTERN.test(user.username)) {
    throw new InvalidOptionError(`${at}: username must match Transfer's pattern [\\w][\\w@.-]{2,99} (3-100 chars, not starting with '-', '.' or '@')`);
  }
  if (user.password !== undefined && typeof user.password !== 'string') throw new InvalidOptionError(`${at}: password must be a string`);
  if (user.publicKeys !== undefined && (!Array.isArray(user.publicKeys) || user.publicKeys.some((key) => typeof key !== 'string'))) {
    throw new InvalidOptionError(`${at}: publicKeys must be an array of strings like 'ssh-ed25519 AAAA...'`);
  }
  if (typeof user.role !== 'string' || user.role.trim() === '') {
    throw new InvalidOptionError(`${at}: role must be a non-blank IAM role ARN; to test a blank Role use behaviours.malformed('blank-role', user)`);
  }
  validateSessionConfig(user, at);
}

export function validateSessionConfig(config: SessionConfig, at: string): void {
  const { homeDirectoryType: type, homeDirectory, homeDirectoryDetails: details } = config;
  if (type !== undefined && type !== 'PATH' && type !== 'LOGICAL') throw new InvalidOptionError(`${at}: homeDirectoryType must be 'PATH' or 'LOGICAL', got ${JSON.stringify(type)}`);
  if (homeDirectory !== undefined && (typeof homeDirectory !== 'string' || !homeDirectory.startsWith('/'))) {
    throw new InvalidOptionError(`${at}: homeDirectory must be an absolute path like '/bucket/home/alice', got ${JSON.stringify(homeDirectory)}`);
  }
  if (type === 'LOGICAL') {
    if (!Array.isArray(details) || details.length === 0) throw new InvalidOptionError(`${at}: LOGICAL needs homeDirectoryDetails, e.g. [{ Entry: '/', Target: '/bucket/home/alice' }]`);
    if (homeDirectory !== undefined) throw new InvalidOptionError(`${at}: do not set homeDirectory with LOGICAL; to test that mistake use behaviours.malformed('home-directory-with-logical', user)`);
  } else if (details !== undefined) {
    throw new InvalidOptionError(`${at}: homeDirectoryDetails needs homeDirectoryType 'LOGICAL'`);
  }
  for (const entry of details ?? []) {
    if (typeof entry?.Entry !== 'string' || typeof entry?.Target !== 'string') throw new InvalidOptionError(`${at}: each homeDirectoryDetails item needs string Entry and Target, got ${JSON.stringify(entry)}`);
  }
  const policy = config.policy;
  if (policy !== undefined && typeof policy !== 'string' && (typeof policy !== 'object' || policy === null || Array.isArray(policy))) {
    throw new InvalidOptionError(`${at}: policy must be a JSON string or an object`);
  }
  const posix = config.posixProfile;
  if (posix !== undefined && (!isId(posix?.Uid) || !isId(posix?.Gid) || !(posix.SecondaryGids ?? []).every(isId))) {
    throw new InvalidOptionError(`${at}: posixProfile needs integer Uid and Gid (and SecondaryGids), got ${JSON.stringify(posix)}`);
  }
  if (config.ipAllowList !== undefined) parseCidrs(config.ipAllowList, at);
}

function isId(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}

/** The response fields for a session, in the order the AWS docs list them; no PublicKeys. */
export function sessionResponse(config: SessionConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (config.role !== undefined) out.Role = config.role;
  if (config.homeDirectoryType !== undefined) out.HomeDirectoryType = config.homeDirectoryType;
  if (config.homeDirectory !== undefined) out.HomeDirectory = config.homeDirectory;
  if (config.homeDirectoryDetails !== undefined) out.HomeDirectoryDetails = JSON.stringify(config.homeDirectoryDetails);
  if (config.policy !== undefined) out.Policy = typeof config.policy === 'string' ? config.policy : JSON.stringify(config.policy);
  if (config.posixProfile !== undefined) out.PosixProfile = structuredClone(config.posixProfile);
  return out;
}
