import { describe, expect, it } from 'vitest';
import { behaviours } from './behaviours/behaviours.ts';
import { IdpFake } from './idp-fake.ts';
import { askIdp } from './idp-test-client.ts';

const ROLE = 'arn:aws:iam::111122223333:role/default';
const USER_ROLE = 'arn:aws:iam::111122223333:role/carol';
const KEY_A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA a';
const KEY_B = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB b';

const secrets = new Map<string, string>([
  ['SFTP/carol', JSON.stringify({ Password: 'carol-pw', Role: USER_ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: [{ Entry: '/', Target: '/bucket/{{USERNAME}}' }] })],
  ['SFTP/dave', JSON.stringify({ PublicKeys: `${KEY_A}\n${KEY_B}\n`, Policy: { Version: '2012-10-17', Statement: [] } })],
  ['SFTP/erin', JSON.stringify({ Password: 'erin-pw', PublicKeys: [`${KEY_A}\n`] })],
  ['SFTP/broken', 'not json'],
  ['custom/carol', JSON.stringify({ Password: 'other-pw' })],
]);
const requested: string[] = [];
const getSecret = async (id: string) => {
  requested.push(id);
  return secrets.get(id);
};
const toolkit = (options: Partial<Parameters<typeof behaviours.secretsManagerToolkit>[0]> = {}) =>
  behaviours.secretsManagerToolkit({ getSecret, defaults: { role: ROLE, homeDirectory: '/bucket/default' }, ...options });

describe('behaviours.secretsManagerToolkit', () => {
  it('logs in from SFTP/<lowercased user>, secret values winning over defaults', async () => {
    await using idp = await new IdpFake().withBehaviour(...toolkit()).start();
    const body = (await askIdp(idp, { username: 'Carol', password: 'carol-pw' })).json as Record<string, unknown>;
    expect(requested).toContain('SFTP/carol');
    expect(body).toMatchObject({ Role: USER_ROLE, HomeDirectoryType: 'LOGICAL' });
    expect(JSON.parse(body.HomeDirectoryDetails as string)).toEqual([{ Entry: '/', Target: '/bucket/carol' }]);
    expect(body).not.toHaveProperty('PublicKeys');
  });

  it('answers {} for a wrong password, a missing secret, or a secret without a password', async () => {
    await using idp = await new IdpFake().withBehaviour(...toolkit()).start();
    expect((await askIdp(idp, { username: 'carol', password: 'nope' })).json).toEqual({});
    expect((await askIdp(idp, { username: 'nobody', password: 'x' })).json).toEqual({});
    expect((await askIdp(idp, { username: 'dave', password: 'x' })).json).toEqual({});
  });

  it('answers key auth with keys from a newline-separated string or an array, newlines stripped', async () => {
    await using idp = await new IdpFake().withBehaviour(...toolkit()).start();
    const dave = (await askIdp(idp, { username: 'dave' })).json as Record<string, unknown>;
    expect(dave).toMatchObject({ Role: ROLE, HomeDirectory: '/bucket/default', PublicKeys: [KEY_A, KEY_B] });
    expect(typeof dave.Policy).toBe('string');
    expect((await askIdp(idp, { username: 'erin' })).json).toHaveProperty('PublicKeys', [KEY_A]);
    expect((await askIdp(idp, { username: 'carol' })).json).toEqual({});
  });

  it('answers 500 when the secret is not a JSON object (the toolkit raises)', async () => {
    await using idp = await new IdpFake().withBehaviour(...toolkit()).start();
    const answer = await askIdp(idp, { username: 'broken', password: 'x' });
    expect([answer.status, answer.json]).toEqual([500, { message: 'Internal server error' }]);
  });

  it('honours a custom prefix and the defaults allow-list', async () => {
    await using idp = await new IdpFake().withBehaviour(...toolkit({ prefix: 'custom/', defaults: { role: ROLE, ipAllowList: ['203.0.113.0/24'] } })).start();
    expect((await askIdp(idp, { username: 'carol', password: 'other-pw' })).json).toEqual({ Role: ROLE });
    expect((await askIdp(idp, { username: 'carol', password: 'other-pw', sourceIp: '198.51.100.1' })).json).toEqual({});
  });

  it('validates its options', () => {
    expect(() => behaviours.secretsManagerToolkit({} as never)).toThrow(/getSecret must be a function/);
    expect(() => toolkit({ defaults: { ipAllowList: ['nope'] } })).toThrow(/invalid CIDR "nope"/);
  });
});
