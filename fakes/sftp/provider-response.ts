import { IdentityProviderError } from './call-identity-provider.ts';
import { normalizePath } from './virtual-fs.ts';

/** One logical directory: what the user sees at `entry` is the store at `target`. */
export interface LogicalMapping {
  entry: string;
  target: string;
}

/** A provider's successful answer, checked; secrets (Policy, keys' text) stay out of the transcript. */
export interface ProviderSession {
  role: string;
  homeDirectoryType: 'PATH' | 'LOGICAL';
  /** PATH: the user's initial directory in the whole store ('/' when the provider gave none). */
  homeDirectory: string;
  /** LOGICAL: the user's chroot, as Entry → Target pairs. */
  mappings: LogicalMapping[];
  /** Only consulted for public-key logins. */
  publicKeys: string[];
}

type Json = Record<string, unknown>;

/**
 * Reads the provider response JSON the way Transfer does: success if and only if Role is a
 * non-blank string; any field of the wrong shape fails the login (with the field in the reason).
 */
export function parseProviderResponse(body: unknown): ProviderSession {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) fail('response is not a JSON object');
  const json = body as Json;
  if (json.Role === undefined || (typeof json.Role === 'string' && json.Role.trim() === '')) fail('no Role in response (login refused)');
  if (typeof json.Role !== 'string') fail('Role must be a string');
  const type = json.HomeDirectoryType ?? 'PATH';
  if (type !== 'PATH' && type !== 'LOGICAL') fail(`HomeDirectoryType must be PATH or LOGICAL, got ${JSON.stringify(type)}`);
  checkPolicyAndPosix(json);
  const publicKeys = readPublicKeys(json.PublicKeys);
  // Inferred: Transfer parses HomeDirectoryDetails whenever it is present, whatever the type.
  const mappings = json.HomeDirectoryDetails === undefined ? undefined : readMappings(json.HomeDirectoryDetails);
  if (type === 'LOGICAL') {
    if (json.HomeDirectory !== undefined) fail('HomeDirectory must not be set with HomeDirectoryType LOGICAL; use HomeDirectoryDetails');
    if (!mappings) fail('HomeDirectoryDetails is required with HomeDirectoryType LOGICAL');
    return { role: json.Role, homeDirectoryType: type, homeDirectory: '/', mappings, publicKeys };
  }
  return { role: json.Role, homeDirectoryType: type, homeDirectory: readHomeDirectory(json.HomeDirectory), mappings: [], publicKeys };
}

function readHomeDirectory(value: unknown): string {
  if (value === undefined) return '/';
  if (typeof value !== 'string') fail('HomeDirectory must be a string');
  if (!value.startsWith('/')) fail(`HomeDirectory must be an absolute path like '/bucket/home/alice', got ${JSON.stringify(value)}`);
  return normalizePath(value, '/');
}

function readMappings(value: unknown): LogicalMapping[] {
  // The classic mistake: a JSON array instead of a string holding one (Transfer: "Unable to parse Json").
  if (typeof value !== 'string') fail('HomeDirectoryDetails must be a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    fail('HomeDirectoryDetails is not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length === 0) fail('HomeDirectoryDetails must hold a non-empty JSON array of {Entry, Target}');
  const seen = new Set<string>();
  return parsed.map((item: unknown, i) => {
    const { Entry, Target } = (typeof item === 'object' && item !== null ? item : {}) as Json;
    if (typeof Entry !== 'string' || !Entry.startsWith('/') || typeof Target !== 'string' || !Target.startsWith('/')) {
      fail(`HomeDirectoryDetails[${i}] must be {Entry, Target} with absolute paths`);
    }
    const entry = normalizePath(Entry, '/');
    if (seen.has(entry)) fail(`HomeDirectoryDetails has Entry ${JSON.stringify(entry)} twice`);
    seen.add(entry);
    return { entry, target: normalizePath(Target, '/') };
  });
}

function readPublicKeys(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((key) => typeof key === 'string')) fail('PublicKeys must be an array of strings');
  return value as string[];
}

function checkPolicyAndPosix(json: Json): void {
  if (json.Policy !== undefined && typeof json.Policy !== 'string') fail('Policy must be a string (escaped JSON)');
  const posix = json.PosixProfile;
  if (posix === undefined) return;
  const { Uid, Gid, SecondaryGids } = (typeof posix === 'object' && posix !== null && !Array.isArray(posix) ? posix : {}) as Json;
  const isId = (id: unknown) => typeof id === 'number' && Number.isInteger(id) && id >= 0;
  if (!isId(Uid) || !isId(Gid) || (SecondaryGids !== undefined && !(Array.isArray(SecondaryGids) && SecondaryGids.every(isId)))) {
    fail('PosixProfile must be an object with numeric Uid and Gid (and optional SecondaryGids)');
  }
}

function fail(reason: string): never {
  throw new IdentityProviderError(reason);
}
