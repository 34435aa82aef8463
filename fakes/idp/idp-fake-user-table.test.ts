import { describe, expect, it } from 'vitest';
import { IdpFake } from './idp-fake.ts';
import type { IdpUser } from './idp-user.ts';
import { askIdp, fetchIdp } from './idp-test-client.ts';

const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGsUQvPmPz1x0vTQbZp3gL8bX2gXH1YkGk0h3r9qD7Xh alice@laptop';

const alice: IdpUser = { username: 'alice', password: 'alice-pw', role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/alice' };
const unicode: IdpUser = { username: 'uma', password: 'pässwörd-✓', role: ROLE, homeDirectory: '/bucket/home/uma' };
const keyOnly: IdpUser = { username: 'kim', publicKeys: [KEY], role: ROLE, homeDirectory: '/bucket/home/kim' };
const logical: IdpUser = {
  username: 'lena',
  password: 'lena-pw',
  role: ROLE,
  homeDirectoryType: 'LOGICAL',
  homeDirectoryDetails: [
    { Entry: '/', Target: '/bucket/home/lena' },
    { Entry: '/shared', Target: '/bucket/shared' },
  ],
  policy: { Version: '2012-10-17', Statement: [] },
  posixProfile: { Uid: 1001, Gid: 1001, SecondaryGids: [2000] },
};
const fenced: IdpUser = { username: 'fred', password: 'fred-pw', role: ROLE, homeDirectory: '/bucket/fred', ipAllowList: ['10.1.0.0/16', '192.0.2.10/32'] };

const users = [alice, unicode, keyOnly, logical, fenced];

describe('behaviours.userTable over HTTP', () => {
  it('logs in with the Password header and answers JSON', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    const answer = await askIdp(idp, { username: 'alice', password: 'alice-pw', header: 'Password' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.json).toEqual({ Role: ROLE, HomeDirectoryType: 'PATH', HomeDirectory: '/bucket/home/alice' });
  });

  it('logs in with a non-ASCII password via PasswordBase64', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    expect((await askIdp(idp, { username: 'uma', password: 'pässwörd-✓', header: 'PasswordBase64' })).json).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/uma' });
    expect((await askIdp(idp, { username: 'uma', password: 'passwörd-✓', header: 'PasswordBase64' })).json).toEqual({});
  });

  it('reads UTF-8 bytes in the Password header as UTF-8', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    expect((await askIdp(idp, { username: 'uma', password: 'pässwörd-✓', header: 'Password' })).json).toHaveProperty('Role', ROLE);
  });

  it('prefers PasswordBase64 when both headers are sent', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    const headers = { Password: 'wrong', PasswordBase64: Buffer.from('alice-pw').toString('base64') };
    const url = `${idp.getUrl()}/servers/s-0123456789abcdef0/users/alice/config?protocol=SFTP&sourceIp=203.0.113.7`;
    expect((await fetchIdp(url, { headers })).json).toHaveProperty('Role', ROLE);
  });

  it('answers {} for a wrong password, an unknown user and a user without a password', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    for (const attempt of [
      { username: 'alice', password: 'nope' },
      { username: 'mallory', password: 'alice-pw' },
      { username: 'kim', password: 'anything' },
    ]) {
      const answer = await askIdp(idp, attempt);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({});
    }
  });

  it('answers key auth (no Password header) with PublicKeys, or {} when the user has none', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    expect((await askIdp(idp, { username: 'kim' })).json).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/kim', PublicKeys: [KEY] });
    expect((await askIdp(idp, { username: 'alice' })).json).toEqual({});
    expect((await askIdp(idp, { username: 'kim', password: '' })).json).toHaveProperty('PublicKeys', [KEY]);
  });

  it('sends LOGICAL details and a policy object as strings, PosixProfile as an object', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    const body = (await askIdp(idp, { username: 'lena', password: 'lena-pw' })).json as Record<string, unknown>;
    expect(body.HomeDirectoryType).toBe('LOGICAL');
    expect(body).not.toHaveProperty('HomeDirectory');
    expect(typeof body.HomeDirectoryDetails).toBe('string');
    expect(JSON.parse(body.HomeDirectoryDetails as string)).toEqual(logical.homeDirectoryDetails);
    expect(typeof body.Policy).toBe('string');
    expect(JSON.parse(body.Policy as string)).toEqual(logical.policy);
    expect(body.PosixProfile).toEqual({ Uid: 1001, Gid: 1001, SecondaryGids: [2000] });
  });

  it('applies the IPv4 allow-list', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    const from = (sourceIp: string) => askIdp(idp, { username: 'fred', password: 'fred-pw', sourceIp }).then((a) => a.json);
    expect(await from('10.1.200.3')).toHaveProperty('Role', ROLE);
    expect(await from('192.0.2.10')).toHaveProperty('Role', ROLE);
    expect(await from('::ffff:10.1.0.9')).toHaveProperty('Role', ROLE);
    expect(await from('10.2.0.1')).toEqual({});
    expect(await from('192.0.2.11')).toEqual({});
    expect(await from('not-an-ip')).toEqual({});
  });

  it('matches usernames exactly unless asked to fold case', async () => {
    await using exact = await new IdpFake().withUsers(users).start();
    expect((await askIdp(exact, { username: 'Alice', password: 'alice-pw' })).json).toEqual({});
    await using folded = await new IdpFake().withUsers(users, { caseInsensitiveUsernames: true }).start();
    expect((await askIdp(folded, { username: 'Alice', password: 'alice-pw' })).json).toHaveProperty('Role', ROLE);
  });

  it('rejects bad users when the fake is built', () => {
    const build = (user: Partial<IdpUser>) => () => new IdpFake().withUsers([{ ...alice, ...user } as IdpUser]);
    expect(build({ username: '-bob' })).toThrow(/username must match Transfer's pattern/);
    expect(build({ role: ' ' })).toThrow(/role must be a non-blank IAM role ARN.*malformed\('blank-role'/);
    expect(build({ homeDirectoryType: 'LOGICAL' })).toThrow(/LOGICAL needs homeDirectoryDetails/);
    expect(build({ homeDirectory: undefined, homeDirectoryType: 'LOGICAL', homeDirectoryDetails: [{ Entry: '/' } as never] })).toThrow(/string Entry and Target/);
    expect(build({ ipAllowList: ['10.0.0.0/33'] })).toThrow(/invalid CIDR "10.0.0.0\/33"/);
    expect(build({ posixProfile: { Uid: '1000' as never, Gid: 1 } })).toThrow(/posixProfile needs integer Uid/);
    expect(() => new IdpFake().withUsers([alice, alice])).toThrow(/user 'alice' is listed twice/);
  });
});
