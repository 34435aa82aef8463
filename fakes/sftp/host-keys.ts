import { generateSshKey, parsePrivateKey, type HostKeyType } from '../../core/ssh/index.ts';
import { signatureAlgorithmsFor } from './ssh-algorithms.ts';
import { InvalidKeyError, InvalidOptionError } from '../../core/errors/index.ts';

/** What withHostKey() recorded; generation waits for start() so the builder stays cheap. */
export type HostKeySpec =
  | { source: 'generated'; type: HostKeyType; slot: string }
  | { source: 'supplied'; type: HostKeyType; privateKey: string };

export interface HostKey {
  type: HostKeyType;
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

export const DEFAULT_HOST_KEY: HostKeySpec = { source: 'generated', type: 'ecdsa-sha2-nistp256', slot: 'default' };

export function suppliedHostKey(privateKey: string): HostKeySpec {
  try {
    return { source: 'supplied', type: parsePrivateKey(privateKey).type, privateKey };
  } catch (error) {
    throw new InvalidKeyError(`withHostKey: ${(error as Error).message}`, { cause: error });
  }
}

/** Generates (or reuses) the keys and checks that the server could still offer one of them. */
export function resolveHostKeys(specs: readonly HostKeySpec[], serverHostKeyAlgorithms?: readonly string[]): HostKey[] {
  const keys = (specs.length > 0 ? specs : [DEFAULT_HOST_KEY]).map((spec): HostKey => {
    if (spec.source === 'generated') return generateSshKey(spec.type, spec.slot);
    const parsed = parsePrivateKey(spec.privateKey);
    return { type: parsed.type, privateKey: spec.privateKey, publicKey: parsed.publicKey, fingerprint: parsed.fingerprint };
  });
  if (serverHostKeyAlgorithms) {
    const usable = keys.filter((key) => signatureAlgorithmsFor(key.type).some((a) => serverHostKeyAlgorithms.includes(a)));
    if (usable.length === 0) {
      throw new InvalidOptionError(
        `withAlgorithms: serverHostKey [${serverHostKeyAlgorithms.join(', ')}] matches none of the host keys ` +
          `[${keys.map((k) => k.type).join(', ')}]; add a matching withHostKey() or widen serverHostKey`,
      );
    }
  }
  return keys;
}

/** ssh2 keeps only the first key of each type, silently; we refuse instead. */
export function assertNewKeyType(specs: readonly HostKeySpec[], type: HostKeyType): void {
  if (specs.some((spec) => spec.type === type)) {
    throw new InvalidOptionError(`withHostKey: a ${type} host key is already configured; an SSH server offers one key per type`);
  }
}
