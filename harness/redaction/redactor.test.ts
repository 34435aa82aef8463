import { describe, expect, it } from 'vitest';
import { generateSshKey } from '../../fakes/sftp/index.ts';
import { isSensitiveKey, REDACTED, Redactor } from './index.ts';
import { SecretMatcher } from './secret-matcher.ts';

describe('isSensitiveKey', () => {
  it.each(['Password', 'password', 'PrivateKey', 'private_key', 'SecretString', 'secret-access-key', 'Authorization'])(
    'treats %s as sensitive',
    (key) => expect(isSensitiveKey(key)).toBe(true),
  );

  it.each(['Username', 'SecretId', 'HostKey', 'passwordHint', 'tokens'])('leaves %s readable', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe('Redactor', () => {
  it('masks values under sensitive keys at any depth, whatever their type', () => {
    const input = {
      Username: 'alice',
      Password: 'unregistered',
      nested: { list: [{ privateKey: { pem: 'x' } }, { token: 12345 }], SecretBinary: new Uint8Array([1]) },
    };
    expect(new Redactor().redact(input)).toEqual({
      Username: 'alice',
      Password: REDACTED,
      nested: { list: [{ privateKey: REDACTED }, { token: REDACTED }], SecretBinary: REDACTED },
    });
  });

  it('leaves null and undefined under a sensitive key as they are', () => {
    expect(new Redactor().redact({ Password: null, Token: undefined })).toEqual({ Password: null, Token: undefined });
  });

  it('does not modify its input', () => {
    const input = { Password: 'p4ssw0rd', list: ['p4ssw0rd'] };
    const redactor = new Redactor().add('p4ssw0rd');
    redactor.redact(input);
    expect(input).toEqual({ Password: 'p4ssw0rd', list: ['p4ssw0rd'] });
  });

  it('removes registered secrets inside longer strings, everywhere', () => {
    const redactor = new Redactor().add('hunter22');
    expect(redactor.redactString('login hunter22 failed; retried with hunter22')).toBe(`login ${REDACTED} failed; retried with ${REDACTED}`);
    expect(redactor.redact({ log: ['user typed hunter22'], note: 'ok' })).toEqual({ log: [`user typed ${REDACTED}`], note: 'ok' });
  });

  it('masks exactly as the matcher does, with a few secrets (searched for natively first) or many', () => {
    let seed = 20261201;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const word = (min: number, max: number) => Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => 'abc'[Math.floor(next() * 3)]).join('');
    for (let round = 0; round < 400; round++) {
      const secrets = Array.from({ length: 1 + Math.floor(next() * 12) }, () => word(4, 6));
      const text = word(0, 80);
      const expected = new SecretMatcher(secrets).mask(text, REDACTED);
      expect(new Redactor().add(...secrets).redactString(text), JSON.stringify({ secrets, text })).toBe(expected);
    }
  });

  it('ignores secrets too short to search for safely', () => {
    const redactor = new Redactor().add('abc', undefined, '');
    expect(redactor.redactString('abc abc')).toBe('abc abc');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    const redactor = new Redactor().add('secret', 'secret-and-more');
    expect(redactor.redactString('x secret-and-more y')).toBe(`x ${REDACTED} y`);
  });

  it('registers Password and PrivateKey from a SecretString but keeps Username readable', () => {
    const secretString = JSON.stringify({ Username: 'partner-user', Password: 'Pa55-word-9', PrivateKey: 'not-really-a-key-value' });
    const redactor = new Redactor().addFrom({ Name: 'partner', SecretString: secretString });
    const message = 'user partner-user with Pa55-word-9 and not-really-a-key-value';
    expect(redactor.redactString(message)).toBe(`user partner-user with ${REDACTED} and ${REDACTED}`);
    expect(redactor.redact({ SecretString: secretString, Name: 'partner' })).toEqual({ SecretString: REDACTED, Name: 'partner' });
  });

  it('registers secrets found under sensitive keys at any depth', () => {
    const redactor = new Redactor().addFrom({ a: [{ b: { ClientSecret: 'deep-client-secret' } }], Username: 'visible-user' });
    expect(redactor.redactString('deep-client-secret visible-user')).toBe(`${REDACTED} visible-user`);
  });

  it('masks each line of a PEM private key on its own, so a quoted fragment is caught', () => {
    const { privateKey } = generateSshKey('ecdsa-sha2-nistp256');
    const redactor = new Redactor().add(privateKey);
    const lines = privateKey.trim().split('\n');
    const bodyLines = lines.filter((line) => !line.startsWith('-----'));
    expect(bodyLines.length).toBeGreaterThan(1);
    for (const line of bodyLines) {
      expect(redactor.redactString(`parse error near ${line} here`)).toBe(`parse error near ${REDACTED} here`);
    }
    // The armour lines say nothing secret and stay readable.
    expect(redactor.redactString(lines[0]!)).toBe(lines[0]);
    expect(redactor.redactString(`key was:\n${privateKey}`)).toBe(`key was:\n${REDACTED}`);
  });

  it('turns an Error into { name, message } with secrets removed', () => {
    const redactor = new Redactor().add('Pa55-word-9');
    const error = new TypeError('bad login with Pa55-word-9');
    expect(redactor.redact({ failure: error })).toEqual({ failure: { name: 'TypeError', message: `bad login with ${REDACTED}` } });
    expect(redactor.redact(error)).toEqual({ name: 'TypeError', message: `bad login with ${REDACTED}` });
  });
});

describe('isSensitiveKey by ending', () => {
  it.each(['UserManagedClientApplicationClientSecret', 'KAFKA_SASL_PLAIN_PASSWORD', 'AuthorizationCode', 'RefreshToken', 'ENCRYPTED_PASSWORD'])('treats %s as secret', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });
  it.each(['NextToken', 'ClientRequestToken', 'SecretArn', 'SECRET_ID', 'TokenUrl', 'UserSecretId', 'Username'])('does not treat %s as secret', (key) => {
    expect(isSensitiveKey(key)).toBe(false);
  });
});

describe('Redactor on hostile input', () => {
  const nested = (depth: number, leaf: unknown): unknown => {
    let value = leaf;
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('redacts a value nested 10,000 levels deep without overflowing the stack, masking what lies below MAX_DEPTH', () => {
    const redactor = new Redactor().add('hunter22');
    const redacted = JSON.stringify(redactor.redact({ top: 'hunter22', deep: nested(10_000, 'unregistered-deep-leaf') }));
    expect(redacted).toContain(`"top":"${REDACTED}"`);
    expect(redacted).not.toContain('unregistered-deep-leaf');
    expect(() => redactor.addFrom(nested(10_000, { Password: 'deep-password' }))).not.toThrow();
  });

  it('keeps a key named __proto__ as a key of the copy', () => {
    const input = JSON.parse('{"__proto__": {"Password": "p4ssw0rd!"}, "ok": 1}') as object;
    const redacted = new Redactor().redact(input);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe(`{"__proto__":{"Password":"${REDACTED}"},"ok":1}`);
  });

  it('redacts a record of many secrets in time linear in its size', () => {
    const timed = (count: number) => {
      const passwords = Array.from({ length: count }, (_, i) => ({ Password: `Pa55-word-${i}-${i * 7919}` }));
      const start = performance.now();
      const redactor = new Redactor().addFrom(passwords);
      redactor.redact({ passwords, log: passwords.map((p) => `login with ${p.Password} failed`) });
      return performance.now() - start;
    };
    timed(300);
    // Fastest of three, to filter out load; the old per-string sort of every secret grew 100x here.
    const fastest = (count: number) => Math.min(timed(count), timed(count), timed(count));
    const ratio = fastest(8_000) / Math.max(fastest(800), 0.05);
    expect(ratio).toBeLessThan(40);
  });
});
