import type { AuthenticationType } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { HOST_KEY_TYPES, generateSshKey } from '../../core/ssh/index.ts';
import { SftpFake } from './sftp-fake.ts';
import { connectSsh } from './ssh-test-client.ts';

const PASSWORD = 'correct horse battery staple';

describe('SftpFake authentication', () => {
  it('accepts the right password and rejects a wrong one', async () => {
    await using sftp = await new SftpFake().withUser('alice', { password: PASSWORD }).start();
    const client = await connectSsh(sftp, { username: 'alice', password: PASSWORD });
    client.end();
    await expect(connectSsh(sftp, { username: 'alice', password: 'wrong' })).rejects.toThrow(/authentication methods failed/);
    const auths = sftp.getTranscript().filter((e) => e.kind === 'auth' && e.detail.method === 'password');
    expect(auths.map((e) => e.detail.result)).toEqual(['accepted', 'rejected']);
  });

  it.each(HOST_KEY_TYPES)('accepts an authorised %s client key and rejects another', async (type) => {
    const authorised = generateSshKey(type, 'client');
    const stranger = generateSshKey(type, 'stranger');
    await using sftp = await new SftpFake().withUser('bob', { publicKeys: [`${authorised.publicKey} bob@laptop`] }).start();
    const client = await connectSsh(sftp, { username: 'bob', privateKey: authorised.privateKey });
    client.end();
    await expect(connectSsh(sftp, { username: 'bob', privateKey: stranger.privateKey })).rejects.toThrow(/authentication methods failed/);
    const accepted = sftp.getTranscript().find((e) => e.kind === 'auth' && e.detail.result === 'accepted');
    expect(accepted?.detail).toMatchObject({ user: 'bob', method: 'publickey', keyFingerprint: authorised.fingerprint });
  });

  it("rejects 'none' and lists only the user's methods", async () => {
    await using sftp = await new SftpFake()
      .withUser('pw-only', { password: PASSWORD })
      .withUser('both', { password: PASSWORD, publicKeys: [generateSshKey('ssh-ed25519', 'client').publicKey] })
      .start();
    expect(await methodsAfterNone(sftp, 'pw-only')).toEqual(['password']);
    expect(await methodsAfterNone(sftp, 'both')).toEqual(['publickey', 'password']);
  });

  it('never reveals whether a user exists', async () => {
    await using sftp = await new SftpFake().withUser('alice', { password: PASSWORD }).start();
    await expect(connectSsh(sftp, { username: 'mallory', password: PASSWORD })).rejects.toThrow(/authentication methods failed/);
    expect(await methodsAfterNone(sftp, 'mallory')).toEqual(['publickey', 'password']);
  });

  it('validates users eagerly', () => {
    expect(() => new SftpFake().withUser('alice', {})).toThrow(/no password and no publicKeys/);
    expect(() => new SftpFake().withUser('bad name', { password: 'x' })).toThrow(/invalid user name "bad name"/);
    expect(() => new SftpFake().withUser('alice', { publicKeys: ['ssh-rsa nonsense'] })).toThrow(/publicKeys\[0\]/);
    expect(() => new SftpFake().withUser('alice', { password: 'x', home: 'inbox' })).toThrow(/absolute path/);
  });
});

/** Tries 'none' first and returns the methods the server then listed. */
async function methodsAfterNone(sftp: Parameters<typeof connectSsh>[0], username: string): Promise<AuthenticationType[] | null> {
  let listed: AuthenticationType[] | null = null;
  await connectSsh(sftp, {
    username,
    authHandler: (methodsLeft, _partial, next) => {
      if (methodsLeft === null) return next('none');
      listed = methodsLeft;
      return next(false as never);
    },
  }).catch(() => undefined);
  return listed;
}
