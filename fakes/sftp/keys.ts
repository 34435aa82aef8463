import { createHash } from 'node:crypto';
import ssh2, { type ParsedKey } from 'ssh2';

const { utils } = ssh2;

export type HostKeyType =
  | 'ssh-rsa'
  | 'ecdsa-sha2-nistp256'
  | 'ecdsa-sha2-nistp384'
  | 'ecdsa-sha2-nistp521'
  | 'ssh-ed25519';

export const HOST_KEY_TYPES: readonly HostKeyType[] = [
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-ed25519',
];

export interface SshKeyPair {
  type: HostKeyType;
  /** OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`), unencrypted. */
  privateKey: string;
  /** Exactly `<type> <base64>`, no comment: what `ssh-keyscan` prints after the host. */
  publicKey: string;
  /** `SHA256:<base64, no padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** A public key as ssh2 parsed it, plus the forms we compare and print. */
export interface ParsedPublicKey {
  type: HostKeyType;
  /** The SSH wire blob; two keys are the same key when their blobs are equal. */
  blob: Buffer;
  publicKey: string;
  fingerprint: string;
  verify(data: Buffer, signature: Buffer, hashAlgo?: string): boolean;
}

export function isHostKeyType(value: unknown): value is HostKeyType {
  return HOST_KEY_TYPES.includes(value as HostKeyType);
}

// RSA 3072 keygen costs hundreds of milliseconds; tests start many fakes, so a
// key is generated once per (type, slot) per process.
const cache = new Map<string, SshKeyPair>();

/**
 * A fresh key pair of `type`, the same one for every call with the same `slot`
 * in this process. Use another slot when two parties must hold different keys.
 */
export function generateSshKey(type: HostKeyType, slot = 'default'): SshKeyPair {
  if (!isHostKeyType(type)) {
    throw new Error(`generateSshKey: unknown key type '${String(type)}'; use one of ${HOST_KEY_TYPES.join(', ')}`);
  }
  const cacheKey = `${type}\0${slot}`;
  let pair = cache.get(cacheKey);
  if (!pair) {
    pair = generateUsable(type);
    cache.set(cacheKey, pair);
  }
  return pair;
}

// ssh2 1.17's keygen drops a leading zero byte from ed25519 keys (about 1 in 300), leaving a
// pair its own parser rejects; such pairs are thrown away and generated again.
function generateUsable(type: HostKeyType): SshKeyPair {
  for (let attempt = 1; ; attempt += 1) {
    const generated = generateRaw(type);
    try {
      const fromPrivate = parsePrivateKey(generated.private);
      const fromPublic = parsePublicKey(generated.public);
      if (fromPrivate.blob.equals(fromPublic.blob)) {
        return { type, privateKey: generated.private, publicKey: fromPublic.publicKey, fingerprint: fromPublic.fingerprint };
      }
    } catch (error) {
      if (attempt >= 10) throw new Error(`generateSshKey: ssh2 keeps producing unreadable ${type} keys`, { cause: error });
    }
  }
}

function generateRaw(type: HostKeyType): { private: string; public: string } {
  switch (type) {
    case 'ssh-rsa':
      return utils.generateKeyPairSync('rsa', { bits: 3072 });
    case 'ssh-ed25519':
      return utils.generateKeyPairSync('ed25519');
    case 'ecdsa-sha2-nistp256':
      return utils.generateKeyPairSync('ecdsa', { bits: 256 });
    case 'ecdsa-sha2-nistp384':
      return utils.generateKeyPairSync('ecdsa', { bits: 384 });
    case 'ecdsa-sha2-nistp521':
      return utils.generateKeyPairSync('ecdsa', { bits: 521 });
  }
}

/** `SHA256:...` of an SSH public key blob, like `ssh-keygen -l`. */
export function blobFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Fingerprint of an OpenSSH public key line (`type base64 [comment]`). */
export function publicKeyFingerprint(publicKeyLine: string): string {
  return parsePublicKey(publicKeyLine).fingerprint;
}

/**
 * Parses an OpenSSH public key line, or the public half of a private key.
 * Throws with the reason when ssh2 cannot read it or the type is not one we serve.
 */
export function parsePublicKey(keyText: string): ParsedPublicKey {
  return describe(parseWithSsh2(keyText, 'public key'));
}

/** Checks a private key is readable, unencrypted and of a supported type; returns its public form. */
export function parsePrivateKey(keyText: string): ParsedPublicKey {
  const parsed = parseWithSsh2(keyText, 'private key');
  if (!parsed.isPrivateKey()) {
    throw new Error(`expected a private key but got a public ${parsed.type} key; pass the private half (OpenSSH or PEM)`);
  }
  return describe(parsed);
}

function describe(parsed: ParsedKey): ParsedPublicKey {
  const blob = parsed.getPublicSSH();
  return {
    type: parsed.type as HostKeyType,
    blob,
    publicKey: `${parsed.type} ${blob.toString('base64')}`,
    fingerprint: blobFingerprint(blob),
    verify: (data, signature, hashAlgo) => parsed.verify(data, signature, hashAlgo),
  };
}

function parseWithSsh2(keyText: string, what: string): ParsedKey {
  if (typeof keyText !== 'string' || keyText.trim() === '') {
    throw new Error(`expected a ${what} as text but got ${JSON.stringify(keyText)}`);
  }
  const result = utils.parseKey(keyText.trim());
  // ssh2 returns an array for OpenSSH files that may hold several keys; they only ever hold one.
  const parsed = Array.isArray(result) ? (result[0] as ParsedKey | undefined) : result;
  if (!parsed || parsed instanceof Error) {
    const reason = parsed instanceof Error ? parsed.message : 'no key found';
    throw new Error(`cannot parse ${what} (${reason}); expected OpenSSH or PEM text, unencrypted`);
  }
  if (!isHostKeyType(parsed.type)) {
    throw new Error(`unsupported key type '${parsed.type}'; use one of ${HOST_KEY_TYPES.join(', ')}`);
  }
  return parsed;
}
