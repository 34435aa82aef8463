import { SecretMatcher } from './secret-matcher.ts';
import { setOwn } from './set-own.ts';

/**
 * Removes secrets from anything that leaves the harness: logs, transcripts, reports, errors.
 *
 * Two passes, because either alone leaks: values under a sensitive key are masked whatever they
 * are (a password nobody registered), and every registered secret value is masked wherever it
 * appears, even inside a longer string (a password quoted in an SDK error message).
 *
 * Both cost time linear in what is redacted: secrets are searched with one matcher built when
 * the set changes (see SecretMatcher), and walks stop at MAX_DEPTH, masking whatever lies deeper
 * (a hostile request nests 1,800 levels; recursing through it overflowed the stack).
 */
export const REDACTED = '***';

/** Deeper than any value the harness builds; what lies below it is masked whole, never walked. */
export const MAX_DEPTH = 256;

/** Keys whose values are secret wherever they appear (AWS `sensitive` members and our own). */
const SENSITIVE_KEYS = new Set(
  [
    'password', 'userpassword', 'privatekey', 'secretstring', 'secretbinary', 'passphrase',
    'token', 'accesstoken', 'refreshtoken', 'jwttoken', 'clientsecret', 'secretaccesskey',
    'sessiontoken', 'authorization', 'passwordbase64',
  ],
);

/** Secret values shorter than this are not searched for inside strings: too many false hits. */
const MIN_SECRET_LENGTH = 4;

/**
 * Up to this many secrets, a string is first searched for each with the native substring search,
 * which rules out the common string that holds none several times faster than the matcher walks
 * it (a call usually registers one or two). Still linear: at most this many passes.
 */
const FEW_SECRETS = 8;

/** Keys ending like a secret (`UserManagedClientApplicationClientSecret`, `KAFKA_SASL_PLAIN_PASSWORD`). */
const SENSITIVE_ENDING = /(password|secret|token|privatekey|authorizationcode|assertion)$/;
/** …except pagination and idempotency tokens, which are not secrets. */
const NOT_SECRET = new Set(['nexttoken', 'clientrequesttoken', 'continuationtoken', 'idempotencytoken']);

export function isSensitiveKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[-_]/g, '');
  if (NOT_SECRET.has(normalized)) return false;
  return SENSITIVE_KEYS.has(normalized) || SENSITIVE_ENDING.test(normalized);
}

export class Redactor {
  readonly #secrets = new Set<string>();
  #matcher?: SecretMatcher;

  /** Registers a secret value. Multi-line values (PEM keys) also register each long line. */
  add(...values: unknown[]): this {
    for (const value of values) {
      if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
      this.#register(value);
      for (const line of value.split(/\r?\n/)) {
        if (line.length >= 16 && !line.startsWith('-----')) this.#register(line.trim());
      }
    }
    return this;
  }

  /** Registers every secret `other` holds (one redactor for many: one pass over the text). */
  absorb(other: Redactor): this {
    for (const secret of other.#secrets) this.#register(secret);
    return this;
  }

  /** Registers every string found under a sensitive key of `value`. */
  addFrom(value: unknown): this {
    this.#addFrom(value, 0);
    return this;
  }

  /** `text` with every registered secret masked; overlapping secrets are masked as one (see SecretMatcher). */
  redactString(text: string): string {
    if (this.#secrets.size === 0) return text;
    if (this.#secrets.size <= FEW_SECRETS && !this.#occursIn(text)) return text;
    this.#matcher ??= new SecretMatcher(this.#secrets);
    return this.#matcher.mask(text, REDACTED);
  }

  /** A deep copy of `value` with sensitive keys masked and registered secrets removed from strings. */
  redact<T>(value: T): T {
    return this.#redactValue(value, undefined, 0) as T;
  }

  #occursIn(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  #register(secret: string): void {
    if (this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#matcher = undefined;
  }

  #addFrom(value: unknown, depth: number): void {
    walk(value, depth, (key, leaf, leafDepth) => {
      if (!isSensitiveKey(key) || typeof leaf !== 'string') return;
      this.add(leaf);
      // A SecretString usually holds JSON whose sensitive fields are the real secrets. Its
      // other fields (Username) stay readable: masking them would hide what failed.
      const parsed = parseJson(leaf);
      if (parsed && typeof parsed === 'object') this.#addFrom(parsed, leafDepth);
    });
  }

  #redactValue(value: unknown, key: string | undefined, depth: number): unknown {
    if (key !== undefined && isSensitiveKey(key) && value !== undefined && value !== null) {
      return REDACTED;
    }
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH || value instanceof Uint8Array) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.#redactValue(item, undefined, depth + 1));
    if (value instanceof Error) {
      return { name: value.name, message: this.redactString(value.message) };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, this.#redactValue(v, k, depth + 1));
    return out;
  }
}

/** Visits every keyed value down to MAX_DEPTH; deeper values are not visited (redact() masks them whole). */
function walk(value: unknown, depth: number, visit: (key: string, leaf: unknown, depth: number) => void): void {
  if (depth >= MAX_DEPTH || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, visit);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    visit(k, v, depth + 1);
    walk(v, depth + 1, visit);
  }
}

function parseJson(text: string): unknown {
  // Most secrets are not JSON; a failed JSON.parse costs an exception each.
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
