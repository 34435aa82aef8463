/**
 * Removes secrets from anything that leaves the harness: logs, transcripts, reports, errors.
 *
 * Two passes, because either alone leaks: values under a sensitive key are masked whatever they
 * are (a password nobody registered), and every registered secret value is masked wherever it
 * appears, even inside a longer string (a password quoted in an SDK error message).
 */
export const REDACTED = '***';

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

  /** Registers a secret value. Multi-line values (PEM keys) also register each long line. */
  add(...values: unknown[]): this {
    for (const value of values) {
      if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
      this.#secrets.add(value);
      for (const line of value.split(/\r?\n/)) {
        if (line.length >= 16 && !line.startsWith('-----')) this.#secrets.add(line.trim());
      }
    }
    return this;
  }

  /** Registers every string found under a sensitive key of `value`. */
  addFrom(value: unknown): this {
    walk(value, (key, leaf) => {
      if (!isSensitiveKey(key) || typeof leaf !== 'string') return;
      this.add(leaf);
      // A SecretString usually holds JSON whose sensitive fields are the real secrets. Its
      // other fields (Username) stay readable: masking them would hide what failed.
      const parsed = parseJson(leaf);
      if (parsed && typeof parsed === 'object') this.addFrom(parsed);
    });
    return this;
  }

  redactString(text: string): string {
    let out = text;
    // Longest first, so a whole key is masked before one of its lines is.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A deep copy of `value` with sensitive keys masked and registered secrets removed from strings. */
  redact<T>(value: T): T {
    return this.#redactValue(value, undefined) as T;
  }

  #redactValue(value: unknown, key: string | undefined): unknown {
    if (key !== undefined && isSensitiveKey(key) && value !== undefined && value !== null) {
      return REDACTED;
    }
    if (typeof value === 'string') return this.redactString(value);
    if (value instanceof Uint8Array) return REDACTED;
    if (Array.isArray(value)) return value.map((item) => this.#redactValue(item, undefined));
    if (value instanceof Error) {
      return { name: value.name, message: this.redactString(value.message) };
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.#redactValue(v, k);
      return out;
    }
    return value;
  }
}

function walk(value: unknown, visit: (key: string, leaf: unknown) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
