import { describe, expect, it } from 'vitest';
import { HOST_KEY_TYPES, generateSshKey } from '../../core/ssh/index.ts';
import { SftpFake } from './sftp-fake.ts';
import { connectSsh } from './ssh-test-client.ts';

const PASSWORD = 'host-key-test-password';

describe('SftpFake host keys', () => {
  it('defaults to one ecdsa-sha2-nistp256 key', async () => {
    await using sftp = await new SftpFake().withUser('alice', { password: PASSWORD }).start();
    expect(sftp.getHostKeys().map((k) => k.type)).toEqual(['ecdsa-sha2-nistp256']);
    expect(sftp.getHostKeyFingerprint()).toBe(sftp.getHostKeys()[0]!.fingerprint);
  });

  it.each(HOST_KEY_TYPES)('presents a %s host key that matches getHostKey()', async (type) => {
    await using sftp = await new SftpFake().withHostKey(type).withUser('alice', { password: PASSWORD }).start();
    let seen = '';
    const client = await connectSsh(sftp, {
      username: 'alice',
      password: PASSWORD,
      hostVerifier: (key: Buffer) => {
        seen = `${type} ${key.toString('base64')}`;
        return true;
      },
    });
    client.end();
    expect(seen).toBe(sftp.getHostKey());
    expect(sftp.getHostKey()).toMatch(new RegExp(`^${type} `));
  });

  it('serves several host keys and lets the client pick one', async () => {
    await using sftp = await new SftpFake()
      .withHostKey('ssh-ed25519')
      .withHostKey('ecdsa-sha2-nistp384')
      .withUser('alice', { password: PASSWORD })
      .start();
    expect(sftp.getHostKeys().map((k) => k.type)).toEqual(['ssh-ed25519', 'ecdsa-sha2-nistp384']);
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD, algorithms: { serverHostKey: ['ecdsa-sha2-nistp384'] } });
    client.end();
    const handshake = sftp.getTranscript().find((e) => e.kind === 'handshake');
    expect(handshake?.detail.serverHostKey).toBe('ecdsa-sha2-nistp384');
  });

  it('uses a supplied private key and different slots give different keys', async () => {
    const supplied = generateSshKey('ssh-ed25519', 'supplied');
    await using sftp = await new SftpFake().withHostKey({ privateKey: supplied.privateKey }).withUser('a', { password: PASSWORD }).start();
    expect(sftp.getHostKey()).toBe(supplied.publicKey);
    await using other = await new SftpFake().withHostKey('ssh-ed25519', { slot: 'other' }).withUser('a', { password: PASSWORD }).start();
    expect(other.getHostKey()).not.toBe(supplied.publicKey);
  });

  it('refuses bad host key configuration eagerly', () => {
    expect(() => new SftpFake().withHostKey('ssh-dss' as never)).toThrow(/unknown key type "ssh-dss"/);
    expect(() => new SftpFake().withHostKey({ privateKey: 'garbage' })).toThrow(/cannot parse private key/);
    expect(() => new SftpFake().withHostKey({ privateKey: generateSshKey('ssh-ed25519').publicKey })).toThrow(/expected a private key/);
    expect(() => new SftpFake().withHostKey('ssh-ed25519').withHostKey('ssh-ed25519', { slot: 'b' })).toThrow(/already configured/);
  });
});

describe('SftpFake algorithms', () => {
  it('offering only ssh-rsa fails a client limited to rsa-sha2-* and serves one that offers ssh-rsa', async () => {
    await using sftp = await new SftpFake()
      .withHostKey('ssh-rsa')
      .withAlgorithms({ serverHostKey: ['ssh-rsa'] })
      .withUser('alice', { password: PASSWORD })
      .start();
    await expect(
      connectSsh(sftp, { username: 'alice', password: PASSWORD, algorithms: { serverHostKey: ['rsa-sha2-256', 'rsa-sha2-512'] } }),
    ).rejects.toThrow(/no matching host key format/i);
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD, algorithms: { serverHostKey: ['ssh-rsa'] } });
    client.end();
  });

  it('offering only diffie-hellman-group1-sha1 fails modern clients and serves legacy ones', async () => {
    await using sftp = await new SftpFake()
      .withAlgorithms({ kex: ['diffie-hellman-group1-sha1'] })
      .withUser('alice', { password: PASSWORD })
      .start();
    await expect(connectSsh(sftp, { username: 'alice', password: PASSWORD })).rejects.toThrow(/no matching key exchange/i);
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD, algorithms: { kex: ['diffie-hellman-group1-sha1'] } });
    client.end();
    const handshake = sftp.getTranscript().find((e) => e.kind === 'handshake');
    expect(handshake?.detail.kex).toBe('diffie-hellman-group1-sha1');
  });

  it('restricts ciphers and MACs', async () => {
    await using sftp = await new SftpFake()
      .withAlgorithms({ cipher: ['aes256-ctr'], hmac: ['hmac-sha2-512'] })
      .withUser('alice', { password: PASSWORD })
      .start();
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    client.end();
    const handshake = sftp.getTranscript().find((e) => e.kind === 'handshake');
    expect(handshake?.detail).toMatchObject({ cs: { cipher: 'aes256-ctr', mac: 'hmac-sha2-512' } });
  });

  it('validates names against what ssh2 supports', async () => {
    expect(() => new SftpFake().withAlgorithms({ kex: ['sntrup761x25519-sha512@openssh.com'] })).toThrow(/kex 'sntrup761x25519-sha512@openssh.com' is not supported.*curve25519-sha256/);
    expect(() => new SftpFake().withAlgorithms({ cipher: [] })).toThrow(/non-empty array/);
    expect(() => new SftpFake().withAlgorithms({ mac: ['hmac-sha1'] } as never)).toThrow(/unknown slot 'mac'/);
    await expect(new SftpFake().withAlgorithms({ serverHostKey: ['ssh-ed25519'] }).start()).rejects.toThrow(/matches none of the host keys \[ecdsa-sha2-nistp256\]/);
  });
});
