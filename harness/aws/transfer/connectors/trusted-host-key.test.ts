import { describe, expect, it } from 'vitest';
import { formatPublicKey, generateSshKey, type HostKeyType } from '../../../../core/ssh/index.ts';
import { CONNECTOR_HOST_KEY_TYPES, parseTrustedHostKey } from './trusted-host-key.ts';

const ecdsa = generateSshKey('ecdsa-sha2-nistp256');

/** `<type> <base64>` of a blob whose embedded type name is `embeddedType`. */
function keyLine(type: string, embeddedType: string, body = Buffer.from('not really key material')): string {
  const name = Buffer.from(embeddedType, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return `${type} ${Buffer.concat([length, name, body]).toString('base64')}`;
}

describe('parseTrustedHostKey', () => {
  it.each(CONNECTOR_HOST_KEY_TYPES as readonly HostKeyType[])('accepts a plain %s key and returns its blob', (type) => {
    const key = generateSshKey(type);
    const parsed = parseTrustedHostKey(key.publicKey);
    expect(parsed).toEqual({ ok: true, key: { type, blob: Buffer.from(key.publicKey.split(' ')[1]!, 'base64'), hostPrefixed: false } });
  });

  it('accepts an ssh-keyscan line with the host name in front', () => {
    const parsed = parseTrustedHostKey(`sftp.partner.example.com ${ecdsa.publicKey}`);
    expect(parsed.ok && parsed.key.type).toBe('ecdsa-sha2-nistp256');
    expect(parsed.ok && parsed.key.hostPrefixed).toBe(true);
  });

  it('accepts a host name that itself starts like a key type', () => {
    const parsed = parseTrustedHostKey(`ssh-gw.partner.example.com ${ecdsa.publicKey}`);
    expect(parsed.ok && parsed.key.type).toBe('ecdsa-sha2-nistp256');
  });

  it('ignores surrounding whitespace and runs of spaces', () => {
    const [type, base64] = ecdsa.publicKey.split(' ');
    expect(parseTrustedHostKey(`  ${type}\t  ${base64}\n`).ok).toBe(true);
  });

  it('rejects a key followed by a comment as a format error', () => {
    expect(parseTrustedHostKey(`${ecdsa.publicKey} admin@partner`)).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects a host prefix together with a comment', () => {
    expect(parseTrustedHostKey(`partner.example.com ${ecdsa.publicKey} admin@partner`)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['a type alone', 'ssh-rsa'],
    ['an empty line', ''],
    ['a word that is no key type', 'rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ'],
    ['base64 with characters outside the alphabet', 'ssh-rsa AAAA$$$$'],
    ['a blob too short to hold its type', 'ssh-rsa AAA='],
  ])('rejects %s as a format error', (_what, line) => {
    expect(parseTrustedHostKey(line)).toEqual({ ok: false, reason: 'format' });
  });

  it('rejects a key whose blob names another type than the line', () => {
    const [, base64] = ecdsa.publicKey.split(' ');
    expect(parseTrustedHostKey(`ecdsa-sha2-nistp384 ${base64}`)).toEqual({ ok: false, reason: 'format' });
    expect(parseTrustedHostKey(keyLine('ssh-rsa', 'ecdsa-sha2-nistp256'))).toEqual({ ok: false, reason: 'format' });
  });

  it('reports an ed25519 key as an unsupported type, naming the type', () => {
    const ed25519 = generateSshKey('ssh-ed25519');
    expect(parseTrustedHostKey(ed25519.publicKey)).toEqual({ ok: false, reason: 'unsupported-type', keyType: 'ssh-ed25519' });
  });

  it('checks the blob before the type: a well-formed sk- key is unsupported, a mismatched one is malformed', () => {
    const type = 'sk-ecdsa-sha2-nistp256@openssh.com';
    expect(parseTrustedHostKey(keyLine(type, type))).toEqual({ ok: false, reason: 'unsupported-type', keyType: type });
    expect(parseTrustedHostKey(keyLine(type, 'ssh-rsa'))).toEqual({ ok: false, reason: 'format' });
  });
});

describe('a parsed TrustedHostKeys entry', () => {
  it('prints back as the key line, without the host prefix', () => {
    const parsed = parseTrustedHostKey(`partner.example.com ${ecdsa.publicKey}`);
    if (!parsed.ok) throw new Error('expected the key to parse');
    expect(formatPublicKey(parsed.key.blob)).toBe(ecdsa.publicKey);
  });
});
