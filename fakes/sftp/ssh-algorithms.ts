import { InvalidOptionError } from '../../core/errors/index.ts';
import { SSH2_SUPPORTED } from '../../core/ssh/index.ts';

/** Restricts what the fake offers; each list replaces ssh2's default for that slot, in preference order. */
export interface SshAlgorithms {
  kex?: string[];
  cipher?: string[];
  hmac?: string[];
  serverHostKey?: string[];
}

export const SUPPORTED_ALGORITHMS: Readonly<Record<keyof SshAlgorithms, readonly string[]>> = {
  kex: SSH2_SUPPORTED.kex,
  cipher: SSH2_SUPPORTED.cipher,
  hmac: SSH2_SUPPORTED.mac,
  // ssh-dss is in ssh2's list, but we never hold a DSA host key to offer it with.
  serverHostKey: SSH2_SUPPORTED.serverHostKey.filter((name) => name !== 'ssh-dss'),
};

/** Throws, naming the slot, the bad value and what is allowed, unless every list is usable. */
export function validateAlgorithms(algorithms: SshAlgorithms): void {
  if (typeof algorithms !== 'object' || algorithms === null) {
    throw new InvalidOptionError(`withAlgorithms: expected an object like { kex: ['curve25519-sha256'] } but got ${String(algorithms)}`);
  }
  for (const [slot, names] of Object.entries(algorithms)) {
    if (names === undefined) continue;
    if (!(slot in SUPPORTED_ALGORITHMS)) {
      throw new InvalidOptionError(`withAlgorithms: unknown slot '${slot}'; use kex, cipher, hmac or serverHostKey`);
    }
    const supported = SUPPORTED_ALGORITHMS[slot as keyof SshAlgorithms];
    if (!Array.isArray(names) || names.length === 0) {
      throw new InvalidOptionError(`withAlgorithms: ${slot} must be a non-empty array of names, got ${JSON.stringify(names)}`);
    }
    for (const name of names) {
      if (!supported.includes(name)) {
        throw new InvalidOptionError(`withAlgorithms: ${slot} '${String(name)}' is not supported by ssh2 here; use one of ${supported.join(', ')}`);
      }
    }
  }
}

/** The server host key algorithms a key of `keyType` can sign with. */
export function signatureAlgorithmsFor(keyType: string): string[] {
  return keyType === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [keyType];
}
