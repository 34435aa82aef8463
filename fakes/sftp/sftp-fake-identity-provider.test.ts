import ssh2, { type FileEntryWithStats, type SFTPWrapper } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityProviderEvent } from './identity-provider.ts';
import { startIdpTestServer, type IdpAnswer, type IdpTestServer, type SeenRequest } from './idp-test-server.ts';
import { generateSshKey } from '../../core/ssh/index.ts';
import { SftpFake } from './sftp-fake.ts';
import type { StartedSftpFake } from './started-sftp-fake.ts';
import { call, connectSsh, openSftp } from './ssh-test-client.ts';

const { STATUS_CODE } = ssh2.utils.sftp;
const SERVER_ID = 's-0123456789abcdef0';
// Non-ASCII on purpose: PasswordBase64 exists so such passwords survive the trip.
const CANARY = 'canary-PW-ü-9d2e';
const ROLE = 'arn:aws:iam::123456789012:role/transfer-user';
const KEY = generateSshKey('ssh-ed25519', 'idp-user');
const STRANGER = generateSshKey('ssh-ed25519', 'idp-stranger');
const LOGICAL_DETAILS = JSON.stringify([
  { Entry: '/', Target: '/bucket/home/lara' },
  { Entry: '/reports', Target: '/bucket/shared/reports' },
]);
const STORAGE = {
  '/bucket/home/alice/hello.txt': 'hello alice',
  '/bucket/home/lara/mine.txt': 'lara',
  '/bucket/shared/reports/q1.csv': 'a,b',
};

/** The provider's user table, answering as the AWS sample templates do: `{}` for a wrong password. */
function answerFor(request: SeenRequest): IdpAnswer {
  const user = decodeURIComponent(request.path.split('/')[5] ?? '');
  const password = request.headers.passwordbase64 === undefined ? undefined : Buffer.from(String(request.headers.passwordbase64), 'base64').toString('utf8');
  const byPassword = (body: object): IdpAnswer => ({ body: password === CANARY ? { Role: ROLE, ...body } : {} });
  switch (user) {
    case 'alice@example.com':
      return byPassword({ HomeDirectoryType: 'PATH', HomeDirectory: '/bucket/home/alice' });
    case 'lara':
      return byPassword({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: LOGICAL_DETAILS });
    case 'arrayed':
      return byPassword({ HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: JSON.parse(LOGICAL_DETAILS) });
    case 'kate':
      return { body: password === undefined ? { Role: ROLE, HomeDirectory: '/bucket/home/kate', PublicKeys: ['', `${KEY.publicKey} kate@laptop`] } : {} };
    case 'broken':
      return { status: 500, body: { message: 'Internal server error' } };
    case 'hanger':
      return 'hang';
    default:
      return { body: {} };
  }
}

const entriesOf = (fake: StartedSftpFake, kind: string) => fake.getTranscript().filter((e) => e.kind === kind).map((e) => e.detail);
const statusOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { code?: number }) => error.code);
const REJECTED = /authentication methods failed/;

describe('SftpFake with an API Gateway identity provider', () => {
  let idp: IdpTestServer;
  let fake: StartedSftpFake;

  beforeAll(async () => {
    idp = await startIdpTestServer(answerFor);
    fake = await new SftpFake()
      .withUser('bob', { password: 'local-only' })
      .withIdentityProvider({ kind: 'api-gateway', url: `${idp.url}/`, serverId: SERVER_ID })
      .withStorage(STORAGE)
      .start();
  });
  afterAll(async () => {
    await fake.stop();
    await idp[Symbol.asyncDispose]();
  });

  async function login(config: Parameters<typeof connectSsh>[1]): Promise<{ sftp: SFTPWrapper; end: () => void }> {
    const client = await connectSsh(fake, config);
    return { sftp: await openSftp(client), end: () => client.end() };
  }

  it('calls the provider as Transfer does and lands a PATH user in HomeDirectory', async () => {
    const { sftp, end } = await login({ username: 'alice@example.com', password: CANARY });
    expect(await call<string>((cb) => sftp.realpath('.', cb))).toBe('/bucket/home/alice');
    expect((await call<Buffer>((cb) => sftp.readFile('hello.txt', cb))).toString()).toBe('hello alice');
    // PATH is not a chroot: the whole store is visible.
    expect((await call<Buffer>((cb) => sftp.readFile('/bucket/shared/reports/q1.csv', cb))).toString()).toBe('a,b');
    end();

    const request = idp.requests.find((r) => r.path.includes('alice'))!;
    expect(request).toMatchObject({ method: 'GET', path: `/prod/servers/${SERVER_ID}/users/alice%40example.com/config`, query: { protocol: 'SFTP', sourceIp: '127.0.0.1' } });
    expect(Buffer.from(String(request.headers.password), 'latin1').toString('utf8')).toBe(CANARY);
    expect(request.headers.passwordbase64).toBe(Buffer.from(CANARY).toString('base64'));
    expect(entriesOf(fake, 'identity-provider')).toContainEqual(
      expect.objectContaining({ user: 'alice@example.com', method: 'password', status: 200, result: 'accepted', homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/alice' }),
    );
  });

  it('chroots a LOGICAL user into the mapped tree, and writes reach the store', async () => {
    const { sftp, end } = await login({ username: 'lara', password: CANARY });
    expect(await call<string>((cb) => sftp.realpath('.', cb))).toBe('/');
    const listing = await call<FileEntryWithStats[]>((cb) => sftp.readdir('/', cb));
    expect(listing.map((e) => e.filename)).toEqual(['mine.txt', 'reports']);
    expect(listing[1]!.attrs.isDirectory()).toBe(true);
    expect((await call<Buffer>((cb) => sftp.readFile('/reports/q1.csv', cb))).toString()).toBe('a,b');
    expect(await statusOf(call((cb) => sftp.stat('/bucket', cb)))).toBe(STATUS_CODE.NO_SUCH_FILE);
    expect(await statusOf(call((cb) => sftp.rmdir('/reports', cb)))).toBe(STATUS_CODE.PERMISSION_DENIED);
    await call((cb) => sftp.writeFile('/reports/q2.csv', 'c,d', cb));
    await call((cb) => sftp.writeFile('upload.txt', 'from lara', cb));
    end();
    expect(fake.readStorage('/bucket/shared/reports/q2.csv')?.toString()).toBe('c,d');
    expect(fake.readStorage('/bucket/home/lara/upload.txt')?.toString()).toBe('from lara');
  });

  it('rejects a wrong password ({}), a 500, and HomeDirectoryDetails given as an array, saying why', async () => {
    await expect(connectSsh(fake, { username: 'lara', password: `${CANARY}-wrong` })).rejects.toThrow(REJECTED);
    await expect(connectSsh(fake, { username: 'broken', password: CANARY })).rejects.toThrow(REJECTED);
    await expect(connectSsh(fake, { username: 'arrayed', password: CANARY })).rejects.toThrow(REJECTED);
    const auths = entriesOf(fake, 'auth').filter((a) => a.method === 'password' && a.result === 'rejected');
    expect(auths).toContainEqual(expect.objectContaining({ user: 'lara', reason: 'identity provider: no Role in response (login refused)' }));
    expect(auths).toContainEqual(expect.objectContaining({ user: 'broken', reason: 'identity provider: HTTP 500' }));
    expect(auths).toContainEqual(expect.objectContaining({ user: 'arrayed', reason: expect.stringMatching(/^identity provider: HomeDirectoryDetails must be a string holding a JSON array, got a JSON array \[/) }));
    expect(entriesOf(fake, 'identity-provider')).toContainEqual(expect.objectContaining({ user: 'broken', status: 500, result: 'rejected' }));
  });

  it('accepts a key from PublicKeys, asked without a password, and refuses another key', async () => {
    const before = idp.requests.length;
    const { sftp, end } = await login({ username: 'kate', privateKey: KEY.privateKey });
    expect(await call<string>((cb) => sftp.realpath('.', cb))).toBe('/bucket/home/kate');
    end();
    const asked = idp.requests.slice(before);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.headers.password === undefined && r.headers.passwordbase64 === undefined)).toBe(true);
    await expect(connectSsh(fake, { username: 'kate', privateKey: STRANGER.privateKey })).rejects.toThrow(REJECTED);
    const kate = entriesOf(fake, 'auth').filter((a) => a.user === 'kate' && a.method === 'publickey');
    expect(kate).toContainEqual(expect.objectContaining({ result: 'accepted', keyFingerprint: KEY.fingerprint }));
    expect(kate).toContainEqual(expect.objectContaining({ result: 'rejected', keyFingerprint: STRANGER.fingerprint, reason: 'key not authorised' }));
  });

  it('never asks the provider about a locally defined user', async () => {
    const before = idp.requests.length;
    (await connectSsh(fake, { username: 'bob', password: 'local-only' })).end();
    await expect(connectSsh(fake, { username: 'bob', password: CANARY })).rejects.toThrow(REJECTED);
    expect(idp.requests.length).toBe(before);
  });

  it('never writes the password into the transcript', () => {
    const json = JSON.stringify(fake.getTranscript());
    expect(json).toContain('identity-provider');
    expect(json).not.toContain(CANARY);
    expect(json).not.toContain(Buffer.from(CANARY).toString('base64'));
  });
});

describe('SftpFake with a Lambda identity provider', () => {
  it('invokes the function with the Transfer event and honours its answer', async () => {
    const events: IdentityProviderEvent[] = [];
    const invoke = async (event: IdentityProviderEvent) => {
      events.push(event);
      if (event.password !== CANARY) throw new Error(`bad password ${String(event.password)}`);
      return { Role: ROLE, HomeDirectory: '/bucket/home/alice' };
    };
    await using fake = await new SftpFake().withIdentityProvider({ kind: 'lambda', invoke, serverId: SERVER_ID }).withStorage(STORAGE).start();
    const client = await connectSsh(fake, { username: 'alice', password: CANARY });
    const sftp = await openSftp(client);
    expect((await call<Buffer>((cb) => sftp.readFile('hello.txt', cb))).toString()).toBe('hello alice');
    client.end();
    expect(events[0]).toEqual({ username: 'alice', password: CANARY, protocol: 'SFTP', serverId: SERVER_ID, sourceIp: '127.0.0.1' });

    // The function echoes the password in its error; the transcript must not.
    await expect(connectSsh(fake, { username: 'alice', password: `${CANARY}x` })).rejects.toThrow(REJECTED);
    const failed = entriesOf(fake, 'identity-provider').find((e) => e.result === 'rejected');
    expect(failed).toMatchObject({ status: 'lambda', reason: 'lambda failed (bad password ***)' });
    expect(JSON.stringify(fake.getTranscript())).not.toContain(CANARY);
  });
});

describe('SftpFake identity provider lifecycle', () => {
  it('gives up after timeoutMs', async () => {
    await using idp = await startIdpTestServer(() => 'hang');
    await using fake = await new SftpFake().withIdentityProvider({ kind: 'api-gateway', url: idp.url, serverId: SERVER_ID, timeoutMs: 200 }).start();
    await expect(connectSsh(fake, { username: 'hanger', password: CANARY })).rejects.toThrow(REJECTED);
    expect(entriesOf(fake, 'identity-provider')).toContainEqual(expect.objectContaining({ result: 'rejected', reason: 'no answer within 200 ms' }));
  });

  it('stop() does not wait for a provider that never answers', async () => {
    await using idp = await startIdpTestServer(() => 'hang');
    const fake = await new SftpFake().withIdentityProvider({ kind: 'api-gateway', url: idp.url, serverId: SERVER_ID }).start();
    const attempt = connectSsh(fake, { username: 'hanger', password: CANARY, readyTimeout: 20_000 }).then(
      () => 'logged in',
      (error: Error) => error.message,
    );
    await idp.received(1);
    const started = Date.now();
    await fake.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await attempt).not.toBe('logged in');
    // The fake dropped its provider connection too, not only the SSH client's.
    for (let i = 0; i < 50 && (await idp.connections()) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await idp.connections()).toBe(0);
  });

  it('validates the provider and the storage eagerly', () => {
    expect(() => new SftpFake().withIdentityProvider({ kind: 'api-gateway', url: 'not a url', serverId: SERVER_ID })).toThrow(/absolute http\(s\) URL/);
    expect(() => new SftpFake().withIdentityProvider({ kind: 'api-gateway', url: 'http://x/prod', serverId: SERVER_ID, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => new SftpFake().withIdentityProvider({ kind: 'lambda', serverId: SERVER_ID } as never)).toThrow(/invoke/);
    expect(() => new SftpFake().withStorage({ 'bucket/x': 'relative' })).toThrow(/absolute file path/);
  });
});
