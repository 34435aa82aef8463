import ssh2 from 'ssh2';
import { InvalidOptionError } from '../errors/index.ts';
import { sharedInRun } from '../process/index.ts';
import { HOST_KEY_TYPES, isHostKeyType, type HostKeyType } from './host-key-type.ts';
import { parsePrivateKey, parsePublicKey } from './parse-ssh-key.ts';

const { utils } = ssh2;

export interface SshKeyPair {
  type: HostKeyType;
  /** OpenSSH private key (`-----BEGIN OPENSSH PRIVATE KEY-----`), unencrypted. */
  privateKey: string;
  /** Exactly `<type> <base64>`, no comment: what `ssh-keyscan` prints after the host. */
  publicKey: string;
  /** `SHA256:<base64, no padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

// RSA keygen costs hundreds of milliseconds; tests start many fakes, so a key is generated once
// per (type, slot) per process, and within `partner-harness run` once per run (its share).
const cache = new Map<string, SshKeyPair>();

/**
 * A fresh key pair of `type`, the same one for every call with the same `slot` in this process
 * (and in the other processes of a `partner-harness run`). Use another slot when two parties must
 * hold different keys.
 */
export function generateSshKey(type: HostKeyType, slot = 'default'): SshKeyPair {
  if (!isHostKeyType(type)) {
    throw new InvalidOptionError(`generateSshKey: unknown key type '${String(type)}'; use one of ${HOST_KEY_TYPES.join(', ')}`);
  }
  const cacheKey = `${type}\0${slot}`;
  let pair = cache.get(cacheKey);
  if (!pair) {
    pair = sharedInRun<SshKeyPair>(`ssh-key ${type} ${slot}`, { make: () => generateUsable(type), encode: JSON.stringify, decode: (text) => decodePair(text, type) });
    cache.set(cacheKey, pair);
  }
  return pair;
}

/** A pair read from the run's share: used only when it is whole, of `type`, and its halves match. */
function decodePair(text: string, type: HostKeyType): SshKeyPair | undefined {
  try {
    const { privateKey, publicKey } = JSON.parse(text) as Partial<SshKeyPair>;
    if (typeof privateKey !== 'string' || typeof publicKey !== 'string') return undefined;
    const fromPrivate = parsePrivateKey(privateKey);
    const fromPublic = parsePublicKey(publicKey);
    if (fromPrivate.type !== type || !fromPrivate.blob.equals(fromPublic.blob)) return undefined;
    return { type, privateKey, publicKey: fromPublic.publicKey, fingerprint: fromPublic.fingerprint };
  } catch {
    return undefined;
  }
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
      // 2048 bits, well above what OpenSSH requires (RequiredRSASize 1024): no answer depends on the
      // size, and a 3072-bit key (ssh-keygen's default) took 2-3 times as long (about 550 ms here).
      return utils.generateKeyPairSync('rsa', { bits: 2048 });
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
