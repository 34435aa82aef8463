import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSshKey, SftpFake, type StartedSftpFake } from '../../fakes/sftp/index.ts';
import { checkSftpLogin } from './check-sftp-login.ts';
import type { SftpLoginExpectation } from './scenario-schema.ts';

const PASSWORD = 'check-login-password';
const key = generateSshKey('ssh-ed25519', 'check-sftp-login');

let sftp: StartedSftpFake;
let target: { host: string; port: number };

beforeAll(async () => {
  sftp = await new SftpFake()
    .withUser('alice', { password: PASSWORD, files: { 'hello.txt': 'hello alice', 'docs/readme.md': '# readme' } })
    .withUser('carol', { password: PASSWORD, home: '/inbox', files: { 'note.txt': 'for carol' } })
    .withUser('kim', { publicKeys: [key.publicKey], files: { 'key.txt': 'key login' } })
    .start();
  target = { host: sftp.getHost(), port: sftp.getPort() };
});

afterAll(async () => {
  await sftp?.stop();
});

function expectation(fields: Partial<SftpLoginExpectation> & { username: string }): SftpLoginExpectation {
  return { fake: 'partner', authenticated: true, ...fields };
}

describe('checkSftpLogin against a real SftpFake', () => {
  it('passes login, cwd, listing and reads, reporting each as its own field', async () => {
    const results = await checkSftpLogin(
      expectation({ username: 'alice', password: PASSWORD, cwd: '/', lists: ['hello.txt', 'docs'], reads: { 'hello.txt': 'hello alice', '/docs/readme.md': '# readme' } }),
      target,
    );
    expect(results).toEqual([
      { field: 'sftpLogin.authenticated', expected: true, actual: true, passed: true },
      { field: 'sftpLogin.cwd', expected: '/', actual: '/', passed: true },
      { field: 'sftpLogin.lists.hello.txt', expected: 'listed', actual: ['docs', 'hello.txt'], passed: true },
      { field: 'sftpLogin.lists.docs', expected: 'listed', actual: ['docs', 'hello.txt'], passed: true },
      { field: 'sftpLogin.reads.hello.txt', expected: 'hello alice', actual: 'hello alice', passed: true },
      { field: 'sftpLogin.reads./docs/readme.md', expected: '# readme', actual: '# readme', passed: true },
    ]);
  });

  it('reports only the authentication failure for a wrong password, with the reason', async () => {
    const results = await checkSftpLogin(
      expectation({ username: 'alice', password: 'not-the-password', cwd: '/', lists: ['hello.txt'], reads: { 'hello.txt': 'hello alice' } }),
      target,
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ field: 'sftpLogin.authenticated', expected: true, passed: false });
    expect(results[0]!.actual).toMatch(/^false \(.*authentication.*\)$/i);
  });

  it('passes when a failed login was the expectation', async () => {
    const results = await checkSftpLogin(expectation({ username: 'alice', password: 'not-the-password', authenticated: false }), target);
    expect(results).toEqual([expect.objectContaining({ field: 'sftpLogin.authenticated', expected: false, passed: true })]);
  });

  it('fails a cwd mismatch and shows where the user really landed', async () => {
    const results = await checkSftpLogin(expectation({ username: 'carol', password: PASSWORD, cwd: '/' }), target);
    expect(results).toEqual([
      { field: 'sftpLogin.authenticated', expected: true, actual: true, passed: true },
      { field: 'sftpLogin.cwd', expected: '/', actual: '/inbox', passed: false },
    ]);
  });

  it('matches cwd against a regex and reads relative to the landing directory', async () => {
    const results = await checkSftpLogin(
      expectation({ username: 'carol', password: PASSWORD, cwd: { matches: '^/in' }, reads: { 'note.txt': 'for carol' } }),
      target,
    );
    expect(results.map((r) => [r.field, r.passed])).toEqual([
      ['sftpLogin.authenticated', true],
      ['sftpLogin.cwd', true],
      ['sftpLogin.reads.note.txt', true],
    ]);
  });

  it('fails the read of a missing file with actual undefined, and still checks the other reads', async () => {
    const results = await checkSftpLogin(
      expectation({ username: 'alice', password: PASSWORD, reads: { 'missing.txt': 'anything', 'hello.txt': 'hello alice' } }),
      target,
    );
    expect(results).toContainEqual({ field: 'sftpLogin.reads.missing.txt', expected: 'anything', actual: undefined, passed: false });
    expect(results).toContainEqual({ field: 'sftpLogin.reads.hello.txt', expected: 'hello alice', actual: 'hello alice', passed: true });
  });

  it('fails a read whose content differs, showing the content', async () => {
    const results = await checkSftpLogin(expectation({ username: 'alice', password: PASSWORD, reads: { 'hello.txt': 'hello bob' } }), target);
    expect(results).toContainEqual({ field: 'sftpLogin.reads.hello.txt', expected: 'hello bob', actual: 'hello alice', passed: false });
  });

  it('fails a name that is not listed, showing what was', async () => {
    const results = await checkSftpLogin(expectation({ username: 'alice', password: PASSWORD, lists: ['nope.txt'] }), target);
    expect(results).toContainEqual({ field: 'sftpLogin.lists.nope.txt', expected: 'listed', actual: ['docs', 'hello.txt'], passed: false });
  });

  it('logs in with a private key', async () => {
    const results = await checkSftpLogin(expectation({ username: 'kim', privateKey: key.privateKey, reads: { 'key.txt': 'key login' } }), target);
    expect(results.every((r) => r.passed)).toBe(true);
    expect(results).toHaveLength(2);
  });

  it('reports an unreachable server as not authenticated, with the connection error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const results = await checkSftpLogin(expectation({ username: 'alice', password: PASSWORD, cwd: '/' }), { host: '127.0.0.1', port });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ field: 'sftpLogin.authenticated', passed: false });
    expect(results[0]!.actual).toMatch(/^false \(.*ECONNREFUSED.*\)$/);
  });
});
