import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../core/errors/index.ts';
import { MAX_IDP_USERS, MAX_USERS_FILE_BYTES, readIdpUsersFile } from './idp-users-file.ts';

const CANARY = 'Canary-Pw-7f3a9c';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idp-users-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function usersFile(text: string, name = 'users.yaml'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function refusal(file: string, env: NodeJS.ProcessEnv = {}): Promise<InvalidOptionError> {
  const error = await readIdpUsersFile(file, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidOptionError);
  return error as InvalidOptionError;
}

describe('readIdpUsersFile', () => {
  it('reads YAML with defaults filled in and passwords from the environment', async () => {
    const file = await usersFile(
      ['users:', '  - username: alice', '    passwordEnv: ALICE_PW', '  - username: bob', '    protocol: FTPS', '    sourceIp: 2001:db8::7', '    expect: failed-login', '  - username: kate'].join('\n'),
    );
    expect(await readIdpUsersFile(file, { ALICE_PW: CANARY })).toEqual([
      { username: 'alice', password: CANARY, protocol: 'SFTP', expect: 'success' },
      { username: 'bob', protocol: 'FTPS', sourceIp: '2001:db8::7', expect: 'failed-login' },
      { username: 'kate', protocol: 'SFTP', expect: 'success' },
    ]);
  });

  it('reads JSON too', async () => {
    const file = await usersFile(JSON.stringify({ users: [{ username: 'alice', password: CANARY }] }), 'users.json');
    expect(await readIdpUsersFile(file, {})).toEqual([{ username: 'alice', password: CANARY, protocol: 'SFTP', expect: 'success' }]);
  });

  it.each([
    ['an unknown field, with the one it resembles', 'users:\n  - username: alice\n    pasword: x', /users\[0\]: unknown field 'pasword'\. Did you mean 'password'\?.*a user takes username, password, passwordEnv/],
    ['an unknown top-level field', 'users: [{ username: a }]\naccounts: []', /\(file\): unknown field 'accounts'.*takes users/],
    ['a wrong type', 'users:\n  - username: alice\n    password: 12345678', /users\[0\]\.password: Invalid input: expected string, received number\. prefer passwordEnv/],
    ['a protocol Transfer has no login for', 'users:\n  - username: alice\n    protocol: AS2', /users\[0\]\.protocol: .*\. use one of SFTP, FTP, FTPS/],
    ['a source IP that is not an address', 'users:\n  - username: alice\n    sourceIp: partner.example.com', /users\[0\]\.sourceIp: must be an IPv4 or IPv6 address/],
    ['password and passwordEnv both', 'users:\n  - username: alice\n    password: a-password\n    passwordEnv: ALICE_PW', /users\[0\]\.passwordEnv: give password or passwordEnv, not both/],
    ['an empty password', "users:\n  - username: alice\n    password: ''", /users\[0\]\.password: an empty password is a key login/],
    ['no users', 'users: []', /users: .*list 1 to 200 users/],
    ['no users list', 'alice: secret', /users: Invalid input: expected array, received undefined/],
    ['a file that is not a mapping', 'just some text', /\(file\): Invalid input: expected object/],
    ['YAML that does not parse', 'users:\n  - username: "alice\n    password: x', /\(file\): not YAML or JSON \(.*line/],
  ])('refuses %s, naming the file and the field, with the fix', async (_name, text, message) => {
    const file = await usersFile(text);
    const error = await refusal(file, { ALICE_PW: 'x' });
    expect(error.message).toMatch(new RegExp(`^--users ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(error.message).toMatch(message);
  });

  it('refuses a passwordEnv whose variable is unset or empty', async () => {
    const file = await usersFile('users:\n  - username: alice\n  - username: bob\n    passwordEnv: BOB_PW');
    for (const env of [{}, { BOB_PW: '' }]) {
      expect((await refusal(file, env)).message).toBe(`--users ${file}: users[1].passwordEnv: the environment variable BOB_PW is not set. export it with the password (it is never printed)`);
    }
  });

  it('never quotes a password, whatever is wrong around it', async () => {
    const wrong = [
      `users:\n  - username: alice\n    password: ${CANARY}\n    protocol: SSH`,
      `users:\n  - username: alice\n    password: "${CANARY}\n`,
      `users:\n  - username: alice\n    password: [${CANARY}]`,
      `users:\n  - { username: alice, password: ${CANARY}, extra: ${CANARY} }`,
    ];
    for (const text of wrong) expect((await refusal(await usersFile(text))).message).not.toContain(CANARY);
  });

  it(`is bounded: at most ${MAX_IDP_USERS} users, at most ${MAX_USERS_FILE_BYTES / 1024} KiB`, async () => {
    const many = await usersFile(`users:\n${Array.from({ length: MAX_IDP_USERS + 1 }, (_, i) => `  - username: user${i}`).join('\n')}`);
    expect((await refusal(many)).message).toMatch(/users: Too big.*list 1 to 200 users/);
    const big = await usersFile(`# ${'x'.repeat(MAX_USERS_FILE_BYTES)}\nusers: [{ username: alice }]`);
    expect((await refusal(big)).message).toMatch(/\(file\): larger than 256 KiB/);
    const missing = await refusal(join(dir, 'nope.yaml'));
    expect(missing.message).toMatch(/nope\.yaml: \(file\): cannot read it/);
  });
});
