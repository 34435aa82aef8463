import { Faker, en } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { fakeIdpUsers, transferUsername } from './fake-idp-users.ts';
import { IdpFake } from './idp-fake.ts';
import { USERNAME_PATTERN } from './idp-user.ts';
import { askIdp } from './idp-test-client.ts';

const seeded = (seed: number) => {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  return faker;
};

describe('fakeIdpUsers', () => {
  it('is deterministic per seed', () => {
    expect(fakeIdpUsers(seeded(42), 20)).toEqual(fakeIdpUsers(seeded(42), 20));
    expect(fakeIdpUsers(seeded(42), 5)).not.toEqual(fakeIdpUsers(seeded(43), 5));
  });

  it('makes valid, unique users with strong passwords and PATH homes', () => {
    const users = fakeIdpUsers(seeded(7), 200, { bucket: 'my-bucket', role: 'arn:aws:iam::123456789012:role/r' });
    expect(new Set(users.map((user) => user.username)).size).toBe(200);
    for (const user of users) {
      expect(user.username).toMatch(USERNAME_PATTERN);
      expect(user.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{20}$/);
      expect(user).toMatchObject({ role: 'arn:aws:iam::123456789012:role/r', homeDirectoryType: 'PATH', homeDirectory: `/my-bucket/home/${user.username}` });
    }
  });

  it('sanitises names to the Transfer pattern', () => {
    expect(transferUsername("Ça'va.Bien")).toBe('_a_va.bien');
    expect(transferUsername('.-@x')).toBe('xuser');
    expect(transferUsername('a')).toBe('auser');
    expect(transferUsername('')).toBe('user');
    expect(transferUsername('x'.repeat(150))).toHaveLength(100);
  });

  it('feeds straight into withUsers()', async () => {
    const users = fakeIdpUsers(seeded(1), 3);
    await using idp = await new IdpFake().withUsers(users).start();
    const [first] = users;
    expect((await askIdp(idp, { username: first!.username, password: first!.password })).json).toHaveProperty('HomeDirectory', first!.homeDirectory);
  });
});
