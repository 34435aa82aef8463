/**
 * What Transfer makes of an identity provider's answer (custom-lambda-idp, authentication-api-gateway):
 * success if and only if `Role` is a non-blank string, `{}` is a failed login, and the session
 * fields must have the documented shapes. Shape mistakes are the bug class users hit most
 * (powertools-lambda-python #5904/#6396), so each gets its own catalogue entry naming the fix.
 */
export type ProviderVerdict =
  | { kind: 'success' }
  | { kind: 'failed-login' }
  | { kind: 'invalid'; messageId: string; params: Record<string, string> };

export function validateProviderResponse(body: string): ProviderVerdict {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return invalid('invalid-json', { reason: (error as Error).message });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return invalid('not-an-object', { got: describe(parsed) });
  const answer = parsed as Record<string, unknown>;
  if (typeof answer.Role !== 'string' || answer.Role.trim() === '') return { kind: 'failed-login' };
  return checkHome(answer) ?? checkPublicKeys(answer) ?? checkPolicy(answer) ?? checkPosix(answer) ?? { kind: 'success' };
}

function checkHome(answer: Record<string, unknown>): ProviderVerdict | undefined {
  const type = answer.HomeDirectoryType;
  if (type !== undefined && type !== 'PATH' && type !== 'LOGICAL') return invalid('home-directory-type', { got: describe(type) });
  if (answer.HomeDirectory !== undefined && typeof answer.HomeDirectory !== 'string') {
    return invalid('home-directory-not-string', { got: describe(answer.HomeDirectory) });
  }
  if (type === 'LOGICAL' && answer.HomeDirectory !== undefined) return invalid('home-directory-with-logical', {});
  const details = answer.HomeDirectoryDetails;
  if (details === undefined) return type === 'LOGICAL' ? invalid('logical-without-details', {}) : undefined;
  if (typeof details !== 'string') return invalid('home-directory-details-not-string', { got: describe(details) });
  let entries: unknown;
  try {
    entries = JSON.parse(details);
  } catch (error) {
    return invalid('home-directory-details-invalid', { reason: `it is not JSON (${(error as Error).message})` });
  }
  if (!Array.isArray(entries) || entries.length === 0) {
    return invalid('home-directory-details-invalid', { reason: `it holds ${describe(entries)}, not a non-empty array` });
  }
  const bad = entries.findIndex(
    (e) => !e || typeof e !== 'object' || typeof (e as { Entry?: unknown }).Entry !== 'string' || typeof (e as { Target?: unknown }).Target !== 'string',
  );
  if (bad >= 0) return invalid('home-directory-details-invalid', { reason: `item ${bad} is ${JSON.stringify(entries[bad])}, which lacks a string Entry or Target` });
  return undefined;
}

function checkPublicKeys(answer: Record<string, unknown>): ProviderVerdict | undefined {
  const keys = answer.PublicKeys;
  if (keys === undefined) return undefined;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) return invalid('public-keys', { got: describe(keys) });
  return undefined;
}

function checkPolicy(answer: Record<string, unknown>): ProviderVerdict | undefined {
  if (answer.Policy === undefined || typeof answer.Policy === 'string') return undefined;
  return invalid('policy-not-string', { got: describe(answer.Policy) });
}

function checkPosix(answer: Record<string, unknown>): ProviderVerdict | undefined {
  const profile = answer.PosixProfile;
  if (profile === undefined) return undefined;
  const p = profile as { Uid?: unknown; Gid?: unknown; SecondaryGids?: unknown };
  const ok =
    !!profile && typeof profile === 'object' && !Array.isArray(profile) &&
    Number.isInteger(p.Uid) && Number.isInteger(p.Gid) &&
    (p.SecondaryGids === undefined || (Array.isArray(p.SecondaryGids) && p.SecondaryGids.every(Number.isInteger)));
  return ok ? undefined : invalid('posix-profile', { got: describe(profile) });
}

function invalid(id: string, params: Record<string, string>): ProviderVerdict {
  return { kind: 'invalid', messageId: `transfer.identity-provider.${id}`, params };
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
