import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HOST_KEY_TYPES, blobFingerprint, blobKeyType, formatPublicKey, generateSshKey, parsePrivateKey, parsePublicKey, publicKeyFingerprint, readSshKey } from './index.ts';

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

describe('formatPublicKey and blobKeyType', () => {
  it.each(['ssh-rsa', 'ecdsa-sha2-nistp384', 'ssh-ed25519'] as const)('print a %s blob exactly as generateSshKey publishes it', (type) => {
    const key = generateSshKey(type);
    const blob = Buffer.from(key.publicKey.split(' ')[1]!, 'base64');
    expect(blobKeyType(blob)).toBe(type);
    expect(formatPublicKey(blob)).toBe(key.publicKey);
    expect(blobFingerprint(blob)).toBe(key.fingerprint);
  });

  it("label a blob they can't read as unknown", () => {
    expect(blobKeyType(Buffer.from([0, 0]))).toBeUndefined();
    expect(blobKeyType(Buffer.from([0, 0, 1, 0, 65]))).toBeUndefined();
    expect(formatPublicKey(Buffer.from([0, 0]))).toBe('unknown AAA=');
  });
});

describe('readSshKey', () => {
  it('reads a key of a type the fake does not serve, where parsePublicKey refuses it', () => {
    const { publicKey } = generateKeyPairSync('ed448', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => readSshKey(publicKey, 'public key')).toThrow(/cannot parse public key/);
    const dss = 'ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZpRV1AIlH7WT2NWPq/xfW6MPbLm1Vs14E7gB00b/JmYLdrmVClpJ+f6AR7ECLCT7up1/63xhv4O1fnxqimFQ8E+4P208UewwI1VBNaFpEy9nXzrith1yrv8iIDGZ3RSAHHAAAAFQCXYFCPFSMLzLKSuYKi64QL8Fgc9QAAAIEA9+GghdabPd7LvKtcNrhXuXmUr7v6OuqC+VdMCz0HgmdRWVeOutRZT+ZxBxCBgLRJFnEj6EwoFhO3zwkyjMim4TwWeotUfI0o4KOuHiuzpnWRbqN/C/ohNWLx+2J6ASQ7zKTxvqhRkImog9/hWuWfBpKLZl6Ae1UlZAFMO/7PSSoAAACBAKKSU2PFl/qOLxIwmBZPPIcJshVe7bVUpFvyl3BbJDow8rXfskl8wO63OzP/qLmcJM0+JbcRU/53JjTuyk31drV2qxhIOsLDC9dGCWj47Y7TyhPdXh/0dthTRBy6bqGtRPxGa7gJov1xm/UuYYXPIUR/3x9MAZvZ5xvE0kYXO+rx';
    expect(readSshKey(dss, 'public key').type).toBe('ssh-dss');
    expect(() => parsePublicKey(dss)).toThrow(/unsupported key type 'ssh-dss'/);
  });
});
