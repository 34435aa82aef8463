/**
 * What a Transfer server makes of its identity provider's answer, read once for the emulator's
 * TestIdentityProvider and the SFTP fake's logins (custom-lambda-idp, authentication-api-gateway):
 * success if and only if `Role` is a non-blank string, `{}` (or no usable Role) is a failed login,
 * and every session field present must have its documented shape. The shapes are those of the
 * Transfer API (HomeDirectory `(|/.*)`, HomeDirectoryMapEntry Entry/Target `/.*`, PosixId
 * 0..4294967295, at most 16 SecondaryGids). Shape mistakes are the bug class users hit most
 * (powertools-lambda-python #5904/#6396), so each has its own code naming the field.
 */
export type ProviderVerdict =
  /** `unused`: shape mistakes in fields Transfer does not read for this login (reported, not fatal). */
  | { kind: 'success'; session: ProviderSession; unused?: ProviderProblem[] }
  | { kind: 'failed-login' }
  | { kind: 'invalid'; problem: ProviderProblem };

/** A successful answer, checked. Policy and PosixProfile are checked but not kept: nothing here enforces them. */
export interface ProviderSession {
  role: string;
  homeDirectoryType: 'PATH' | 'LOGICAL';
  /** As the provider sent it; absent when it sent none (or ''). */
  homeDirectory?: string;
  /** Parsed from the HomeDirectoryDetails string, whatever the type (Transfer parses it when present [INF]). */
  homeDirectoryDetails?: Array<{ entry: string; target: string }>;
  /** Consulted for public-key logins only. */
  publicKeys: string[];
}

export type ProviderProblemCode =
  | 'invalid-json'
  | 'not-an-object'
  | 'home-directory-type'
  | 'home-directory-not-string'
  | 'home-directory-not-absolute'
  | 'home-directory-with-logical'
  | 'logical-without-details'
  | 'home-directory-details-not-string'
  | 'home-directory-details-invalid'
  | 'public-keys'
  | 'policy-not-string'
  | 'posix-profile';

/** A shape mistake: a stable code, the values that explain it, and a one-line reason for transcripts. */
export interface ProviderProblem {
  code: ProviderProblemCode;
  params: Record<string, string>;
  reason: string;
}

type Answer = Record<string, unknown>;

/**
 * What this login uses of the answer. Transfer reads PublicKeys only for a key login (a password
 * login succeeds whatever they hold) and PosixProfile only on an EFS server; a provider's mistakes
 * in a field it does not read cost nothing: they are returned as `unused`, for a diagnosis.
 */
export interface ProviderLogin {
  /** A public-key login (no password sent). Default true: every field is checked. */
  keyLogin?: boolean;
  /** The server stores files in EFS, whose POSIX ids PosixProfile sets; S3 servers do not read it. Default true. */
  efs?: boolean;
}

/** Reads an API Gateway body, or a Lambda Invoke payload, as text. */
export function readProviderAnswer(body: string, login: ProviderLogin = {}): ProviderVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return invalid('invalid-json', { reason: (error as Error).message });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return invalid('not-an-object', { got: describe(parsed) });
  const answer = parsed as Answer;
  if (typeof answer.Role !== 'string' || answer.Role.trim() === '') return { kind: 'failed-login' };
  const keys = checkPublicKeys(answer);
  const posix = checkPosix(answer);
  const problem = checkHome(answer) ?? (login.keyLogin === false ? undefined : keys) ?? checkPolicy(answer) ?? (login.efs === false ? undefined : posix);
  if (problem) return problem;
  const unused = [
    ...(login.keyLogin === false && keys?.kind === 'invalid' ? [keys.problem] : []),
    ...(login.efs === false && posix?.kind === 'invalid' ? [posix.problem] : []),
  ];
  return { kind: 'success', session: sessionOf(answer as Answer & { Role: string }), ...(unused.length > 0 ? { unused } : {}) };
}

/** A Lambda handler's return value: Lambda hands Transfer its JSON serialization. */
export function readLambdaAnswer(returned: unknown, login: ProviderLogin = {}): ProviderVerdict {
  return readProviderAnswer(JSON.stringify(returned) ?? 'null', login);
}

function checkHome(answer: Answer): ProviderVerdict | undefined {
  const type = answer.HomeDirectoryType;
  if (type !== undefined && type !== 'PATH' && type !== 'LOGICAL') return invalid('home-directory-type', { got: describe(type) });
  const home = answer.HomeDirectory;
  if (home !== undefined && typeof home !== 'string') return invalid('home-directory-not-string', { got: describe(home) });
  if (typeof home === 'string' && home !== '' && !home.startsWith('/')) return invalid('home-directory-not-absolute', { got: describe(home) });
  if (type === 'LOGICAL' && home !== undefined) return invalid('home-directory-with-logical', {});
  const details = answer.HomeDirectoryDetails;
  if (details === undefined) return type === 'LOGICAL' ? invalid('logical-without-details', {}) : undefined;
  if (typeof details !== 'string') return invalid('home-directory-details-not-string', { got: describe(details) });
  const why = detailsProblem(details);
  return why === undefined ? undefined : invalid('home-directory-details-invalid', { reason: why });
}

function detailsProblem(details: string): string | undefined {
  let entries: unknown;
  try {
    entries = JSON.parse(details);
  } catch (error) {
    return `it is not JSON (${(error as Error).message})`;
  }
  if (!Array.isArray(entries) || entries.length === 0) return `it holds ${describe(entries)}, not a non-empty array`;
  const seen = new Set<string>();
  for (const [i, item] of entries.entries()) {
    const { Entry, Target } = (item && typeof item === 'object' ? item : {}) as Answer;
    if (typeof Entry !== 'string' || typeof Target !== 'string') return `item ${i} is ${JSON.stringify(item)}, which lacks a string Entry or Target`;
    if (!Entry.startsWith('/') || !Target.startsWith('/')) return `item ${i} is ${JSON.stringify(item)}, whose Entry and Target must both start with "/"`;
    // Two targets for one Entry leave the path ambiguous [INF].
    if (seen.has(Entry)) return `Entry ${JSON.stringify(Entry)} appears twice`;
    seen.add(Entry);
  }
  return undefined;
}

function checkPublicKeys(answer: Answer): ProviderVerdict | undefined {
  const keys = answer.PublicKeys;
  // AWS's own examples answer PublicKeys as one string, "[ssh-rsa AAAA…]", and succeed
  // (API_TestIdentityProvider examples 2 and 4): a string is taken as that list.
  if (keys === undefined || typeof keys === 'string') return undefined;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) return invalid('public-keys', { got: describe(keys) });
  return undefined;
}

/** PublicKeys as a list: an array of strings, or the documented string form "[key, key]". */
function publicKeysOf(keys: unknown): string[] {
  if (Array.isArray(keys)) return keys.filter((key): key is string => typeof key === 'string');
  if (typeof keys !== 'string') return [];
  return keys.replace(/^\s*\[|\]\s*$/g, '').split(',').map((key) => key.trim()).filter(Boolean);
}

function checkPolicy(answer: Answer): ProviderVerdict | undefined {
  if (answer.Policy === undefined || typeof answer.Policy === 'string') return undefined;
  return invalid('policy-not-string', { got: describe(answer.Policy) });
}

const isPosixId = (id: unknown) => Number.isInteger(id) && (id as number) >= 0 && (id as number) <= 0xffff_ffff;

function checkPosix(answer: Answer): ProviderVerdict | undefined {
  const profile = answer.PosixProfile;
  if (profile === undefined) return undefined;
  const { Uid, Gid, SecondaryGids } = (profile && typeof profile === 'object' && !Array.isArray(profile) ? profile : {}) as Answer;
  const secondaryOk = SecondaryGids === undefined || (Array.isArray(SecondaryGids) && SecondaryGids.length <= 16 && SecondaryGids.every(isPosixId));
  return isPosixId(Uid) && isPosixId(Gid) && secondaryOk ? undefined : invalid('posix-profile', { got: describe(profile) });
}

function sessionOf(answer: Answer & { Role: string }): ProviderSession {
  const details = typeof answer.HomeDirectoryDetails === 'string' ? (JSON.parse(answer.HomeDirectoryDetails) as Array<{ Entry: string; Target: string }>) : undefined;
  return {
    role: answer.Role,
    homeDirectoryType: answer.HomeDirectoryType === 'LOGICAL' ? 'LOGICAL' : 'PATH',
    ...(typeof answer.HomeDirectory === 'string' && answer.HomeDirectory !== '' ? { homeDirectory: answer.HomeDirectory } : {}),
    ...(details ? { homeDirectoryDetails: details.map(({ Entry, Target }) => ({ entry: Entry, target: Target })) } : {}),
    publicKeys: publicKeysOf(answer.PublicKeys),
  };
}

const REASONS: Record<ProviderProblemCode, (p: Record<string, string>) => string> = {
  'invalid-json': (p) => `answer is not JSON (${p.reason})`,
  'not-an-object': (p) => `answer is ${p.got}, not a JSON object`,
  'home-directory-type': (p) => `HomeDirectoryType must be PATH or LOGICAL, got ${p.got}`,
  'home-directory-not-string': (p) => `HomeDirectory must be a string, got ${p.got}`,
  'home-directory-not-absolute': (p) => `HomeDirectory must be an absolute path like '/bucket/home/alice', got ${p.got}`,
  'home-directory-with-logical': () => 'HomeDirectory must not be set with HomeDirectoryType LOGICAL; use HomeDirectoryDetails',
  'logical-without-details': () => 'HomeDirectoryDetails is required with HomeDirectoryType LOGICAL',
  'home-directory-details-not-string': (p) => `HomeDirectoryDetails must be a string holding a JSON array, got ${p.got}`,
  'home-directory-details-invalid': (p) => `HomeDirectoryDetails must hold a JSON array of {Entry, Target} with absolute paths, but ${p.reason}`,
  'public-keys': (p) => `PublicKeys must be an array of strings, got ${p.got}`,
  'policy-not-string': (p) => `Policy must be a string (escaped JSON), got ${p.got}`,
  'posix-profile': (p) => `PosixProfile must be {Uid, Gid, SecondaryGids?} with ids from 0 to 4294967295, got ${p.got}`,
};

function invalid(code: ProviderProblemCode, params: Record<string, string>): ProviderVerdict {
  return { kind: 'invalid', problem: { code, params, reason: REASONS[code](params) } };
}

/** A short, exact description of what the provider sent, for messages. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return `a JSON array ${truncate(JSON.stringify(value))}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `a JSON object ${truncate(JSON.stringify(value))}`;
  return `a ${typeof value} ${truncate(JSON.stringify(value))}`;
}

function truncate(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
