import { blobKeyType } from '../../../../core/ssh/index.ts';

/**
 * A TrustedHostKeys entry: `<type> <base64>`, optionally preceded by a host name (older docs
 * told users to paste the ssh-keyscan line), never followed by a comment (the console rejects
 * that with "Invalid host key format.").
 */
export const CONNECTOR_HOST_KEY_TYPES = [
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
] as const;

export interface ParsedHostKey {
  type: string;
  blob: Buffer;
  /** The entry started with a host name (`host ssh-rsa AAAA…`). */
  hostPrefixed: boolean;
}

export type HostKeyParseResult =
  | { ok: true; key: ParsedHostKey }
  | { ok: false; reason: 'format' | 'unsupported-type'; keyType?: string };

export function parseTrustedHostKey(line: string): HostKeyParseResult {
  const parts = line.trim().split(/\s+/);
  // With a host prefix the key type is the second word. (A host may itself be called ssh-gw,
  // so the second word decides; a third word after the key is a comment, which AWS rejects.)
  const typeIndex = parts.length === 3 && looksLikeKeyType(parts[1]!) ? 1 : 0;
  if (parts.length !== typeIndex + 2) return { ok: false, reason: 'format' };
  const type = parts[typeIndex]!;
  const base64 = parts[typeIndex + 1]!;
  if (!looksLikeKeyType(type) || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return { ok: false, reason: 'format' };
  const blob = Buffer.from(base64, 'base64');
  // The blob starts with its own type name; a mismatch means a pasted fragment.
  if (blobKeyType(blob) !== type) return { ok: false, reason: 'format' };
  if (!(CONNECTOR_HOST_KEY_TYPES as readonly string[]).includes(type)) {
    return { ok: false, reason: 'unsupported-type', keyType: type };
  }
  return { ok: true, key: { type, blob, hostPrefixed: typeIndex === 1 } };
}

function looksLikeKeyType(word: string): boolean {
  return /^(ssh-|ecdsa-sha2-|sk-)/.test(word);
}
