import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HOST_KEY_TYPES, generateSshKey, parsePrivateKey, parsePublicKey, publicKeyFingerprint } from './keys.ts';

describe('generateSshKey', () => {
  it.each(HOST_KEY_TYPES)('makes a %s key in OpenSSH forms', (type) => {
    const key = generateSshKey(type);
    expect(key.type).toBe(type);
    expect(key.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(key.publicKey).toMatch(new RegExp(`^${type} [A-Za-z0-9+/]+=*$`));
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('caches per type and slot, and slots differ', () => {
    expect(generateSshKey('ecdsa-sha2-nistp256')).toBe(generateSshKey('ecdsa-sha2-nistp256'));
    expect(generateSshKey('ecdsa-sha2-nistp256', 'other').publicKey).not.toBe(generateSshKey('ecdsa-sha2-nistp256').publicKey);
  });

  it('never hands out an ed25519 pair ssh2 cannot read back (ssh2 keygen drops leading zero bytes)', () => {
    for (let i = 0; i < 600; i += 1) {
      const key = generateSshKey('ssh-ed25519', `zero-byte-check-${i}`);
      expect(parsePrivateKey(key.privateKey).publicKey).toBe(key.publicKey);
    }
  });

  it('rejects an unknown type with the allowed ones', () => {
    expect(() => generateSshKey('ssh-dss' as never)).toThrow(/ssh-dss.*ssh-rsa/);
  });
});

describe('parsePrivateKey', () => {
  it('reads PEM keys and detects their type', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    expect(parsePrivateKey(ec).type).toBe('ecdsa-sha2-nistp384');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(parsePrivateKey(rsa).type).toBe('ssh-rsa');
  });
});

describe('parsePublicKey', () => {
  it('ignores a comment and agrees with the generated fingerprint', () => {
    const key = generateSshKey('ssh-ed25519');
    const parsed = parsePublicKey(`${key.publicKey} alice@example`);
    expect(parsed.publicKey).toBe(key.publicKey);
    expect(publicKeyFingerprint(`${key.publicKey} comment`)).toBe(key.fingerprint);
  });

  it('explains what it could not parse', () => {
    expect(() => parsePublicKey('ssh-ed25519 not-base64')).toThrow(/cannot parse public key/);
  });
});
