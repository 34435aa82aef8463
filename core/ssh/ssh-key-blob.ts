import { createHash } from 'node:crypto';

/**
 * Helpers on an SSH public key blob (the wire form, RFC 4253 §6.6: a length-prefixed type name,
 * then the key), as a server offers it in the handshake and as `<type> <base64>` lines hold it.
 */

/** `SHA256:<base64, no padding>`, as `ssh-keygen -l` prints it. */
export function blobFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The type name a blob starts with, or undefined when it does not start with a plausible one. */
export function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined;
  const length = blob.readUInt32BE(0);
  if (length > blob.length - 4 || length > 64) return undefined;
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** The OpenSSH public form `<type> <base64>`, as ssh-keyscan prints it (no comment). */
export function formatPublicKey(blob: Buffer): string {
  return `${blobKeyType(blob) ?? 'unknown'} ${blob.toString('base64')}`;
}
