import ssh2, { type ParsedKey } from 'ssh2';
import { InvalidKeyError } from '../errors/index.ts';
import { HOST_KEY_TYPES, isHostKeyType, type HostKeyType } from './host-key-type.ts';
import { blobFingerprint, formatPublicKey } from './ssh-key-blob.ts';

const { utils } = ssh2;

/** A public key as ssh2 parsed it, plus the forms we compare and print. */
export interface ParsedPublicKey {
  type: HostKeyType;
  /** The SSH wire blob; two keys are the same key when their blobs are equal. */
  blob: Buffer;
  /** Exactly `<type> <base64>`, no comment. */
  publicKey: string;
  fingerprint: string;
  verify(data: Buffer, signature: Buffer, hashAlgo?: string): boolean;
}

/**
 * Parses an OpenSSH public key line, or the public half of a private key.
 * Throws an InvalidKeyError with the reason when ssh2 cannot read it or the type is not one we serve.
 */
export function parsePublicKey(keyText: string): ParsedPublicKey {
  return describe(supported(readSshKey(keyText, 'public key')));
}

/** Checks a private key is readable, unencrypted and of a supported type; returns its public form. */
export function parsePrivateKey(keyText: string): ParsedPublicKey {
  const parsed = supported(readSshKey(keyText, 'private key'));
  if (!parsed.isPrivateKey()) {
    throw new InvalidKeyError(`expected a private key but got a public ${parsed.type} key; pass the private half (OpenSSH or PEM)`);
  }
  return describe(parsed);
}

/** Fingerprint of an OpenSSH public key line (`type base64 [comment]`). */
export function publicKeyFingerprint(publicKeyLine: string): string {
  return parsePublicKey(publicKeyLine).fingerprint;
}

/**
 * Reads one key of any type ssh2 knows (OpenSSH or PEM, unencrypted, public or private), or
 * throws saying why; `what` names it in the message ('private key').
 */
export function readSshKey(keyText: string, what: string): ParsedKey {
  if (typeof keyText !== 'string' || keyText.trim() === '') {
    throw new InvalidKeyError(`expected a ${what} as text but got ${JSON.stringify(keyText)}`);
  }
  const result = utils.parseKey(keyText.trim());
  // ssh2 returns an array for OpenSSH files that may hold several keys; they only ever hold one.
  const parsed = Array.isArray(result) ? (result[0] as ParsedKey | undefined) : result;
  if (!parsed || parsed instanceof Error) {
    const reason = parsed instanceof Error ? parsed.message : 'no key found';
    throw new InvalidKeyError(`cannot parse ${what} (${reason}); expected OpenSSH or PEM text, unencrypted`);
  }
  return parsed;
}

function supported(parsed: ParsedKey): ParsedKey {
  if (!isHostKeyType(parsed.type)) {
    throw new InvalidKeyError(`unsupported key type '${parsed.type}'; use one of ${HOST_KEY_TYPES.join(', ')}`);
  }
  return parsed;
}

function describe(parsed: ParsedKey): ParsedPublicKey {
  const blob = parsed.getPublicSSH();
  return {
    type: parsed.type as HostKeyType,
    blob,
    publicKey: formatPublicKey(blob),
    fingerprint: blobFingerprint(blob),
    verify: (data, signature, hashAlgo) => parsed.verify(data, signature, hashAlgo),
  };
}
