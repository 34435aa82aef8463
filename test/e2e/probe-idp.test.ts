import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateServerCommand, TestIdentityProviderCommand, TransferClient } from '@aws-sdk/client-transfer';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { generateSshKey } from '../../core/ssh/index.ts';
import { IdpFake, idpConfigRoute, providerJson, readAuthRequest, type IdpUser } from '../../fakes/idp/index.ts';
import { AwsEndpoint, type LambdaHandler } from '../../harness/aws/index.ts';
import { probeIdpCommand } from '../../harness/cli/probe-idp-command.ts';
import type { IdpProbeReport } from '../../harness/probe/idp/probe-identity-provider.ts';
import { runCli } from '../support/run-cli.ts';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/probe-idp/', import.meta.url));
const ROLE = 'arn:aws:iam::111122223333:role/transfer-user';
/** The password that must never come out: not on stdout or stderr, not in the JSON or the JUnit file. */
const CANARY = `Canary-${randomUUID()}`;
const ALICE_KEY = generateSshKey('ssh-ed25519', 'alice').publicKey;

let dir: string;
// Spied on once for the whole file: the emulator wraps process.stdout/stderr.write once to keep a
// handler's output off them, and a spy restored after it had been wrapped would remove that wrap.
let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof process.stderr.write>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'probe-idp-'));
  stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(async () => {
  stdout.mockRestore();
  stderr.mockRestore();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function usersFile(users: unknown[], name = `users-${randomUUID()}.yaml`): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify({ users }));
  return file;
}

/** probeIdpCommand in this process, with its output and whatever reached process.stdout/stderr. */
async function probeIdp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  stdout.mockClear();
  stderr.mockClear();
  let out = '';
  const code = await probeIdpCommand(args, (text) => (out += text));
  const written = (spy: typeof stdout | typeof stderr) => spy.mock.calls.map(([chunk]) => String(chunk)).join('');
  return { code, stdout: out + written(stdout), stderr: written(stderr) };
}

type Entry = IdpProbeReport['users'][number] | IdpProbeReport['edgeCases'][number];

/** What the report says AWS answered, with the server id (random per endpoint) taken out of Url. */
function reported(entry: Entry): unknown {
  if (!entry.answer) return entry.diagnosis.kind === 'refused' ? { refused: entry.diagnosis.error, reason: entry.diagnosis.reason } : entry.diagnosis;
  return { ...entry.answer, url: entry.answer.url?.replace(/\/servers\/s-[0-9a-f]{17}\//, '/servers/SERVER/') ?? null };
}

interface Attempt {
  username: string;
  password?: string;
  protocol: string;
  sourceIp?: string | null;
}

/**
 * The emulator's TestIdentityProvider asked directly through the SDK, for a server of our own
 * using the same provider: what probe idp must have reported, answer for answer.
 */
async function askEmulatorDirectly(provider: { url: string } | { handler: LambdaHandler }, attempts: Attempt[]): Promise<unknown[]> {
  const arn = 'arn:aws:lambda:us-east-1:000000000000:function:handler';
  const builder = new AwsEndpoint();
  if ('handler' in provider) builder.withLambda(arn, provider.handler);
  await using aws = await builder.start();
  const transfer = new TransferClient(aws.getClientConfig());
  try {
    const { ServerId } = await transfer.send(
      new CreateServerCommand(
        'url' in provider
          ? { IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: provider.url, InvocationRole: 'arn:aws:iam::000000000000:role/direct' } }
          : { IdentityProviderType: 'AWS_LAMBDA', IdentityProviderDetails: { Function: arn } },
      ),
    );
    const answers: unknown[] = [];
    for (const { username, password, protocol, sourceIp } of attempts) {
      try {
        const answer = await transfer.send(new TestIdentityProviderCommand({ ServerId, UserName: username, UserPassword: password, ServerProtocol: protocol as 'SFTP', SourceIp: sourceIp ?? undefined }));
        answers.push({ statusCode: answer.StatusCode, message: answer.Message, response: answer.Response, url: answer.Url?.replace(ServerId!, 'SERVER') ?? null });
      } catch (error) {
        answers.push({ refused: (error as Error).name, reason: (error as Error).message });
      }
    }
    return answers;
  } finally {
    transfer.destroy();
  }
}

/** The attempts a report stands for, with the passwords it never shows: the users file's, and the edge cases' as idp-edge-cases.ts builds them. */
function attemptsOf(report: IdpProbeReport, passwords: Record<string, string>, base: string): Attempt[] {
  const edgePassword = (name: string): string | undefined => {
    if (name === 'public-key login') return undefined;
    if (name.startsWith('user name') || name.startsWith('non-ASCII user name')) return 'unknown-password';
    if (name === 'password with edge spaces') return ` ${passwords[base]} `;
    if (name === 'password beyond Latin-1') return '密码-€-direct';
    return passwords[base];
  };
  return [
    ...report.users.map((user) => ({ ...user, password: user.passwordLogin ? passwords[user.username] : undefined })),
    ...report.edgeCases.map((edge) => ({ ...edge, password: edgePassword(edge.name) })),
  ];
}

const verdicts = (entries: Entry[]) => Object.fromEntries(entries.map((entry) => ['name' in entry ? entry.name : `${entry.username} ${entry.protocol} ${entry.passwordLogin ? 'password' : 'key'}`, entry.verdict]));

const REFUSED_NAMES = { "user name with '+'": 'warning', 'user name with a space': 'warning', 'non-ASCII user name (Latin)': 'warning', 'non-ASCII user name (CJK)': 'warning' };

describe('partner-harness probe idp <API Gateway URL>: the IdP fake over real HTTP', () => {
  const users: IdpUser[] = [
    { username: 'bob', password: 'Bob-Password-2', role: ROLE, homeDirectory: '/bucket/home/bob', ipAllowList: ['127.0.0.0/8'] },
    { username: 'alice', password: CANARY, role: ROLE, homeDirectory: '/bucket/home/alice', publicKeys: [ALICE_KEY] },
  ];
  const passwords = { bob: 'Bob-Password-2', alice: CANARY, mallory: 'Not-Mallorys-Password' };
  const usersYaml = () =>
    usersFile([
      { username: 'bob', password: 'Bob-Password-2' },
      { username: 'alice', passwordEnv: 'PROBE_IDP_ALICE_PASSWORD' },
      { username: 'mallory', password: passwords.mallory, expect: 'failed-login' },
      { username: 'alice', protocol: 'FTPS', sourceIp: '198.51.100.7' },
    ]);

  it('a provider that answers as it should passes (exit 0); every answer is what the emulator’s TestIdentityProvider answers through the SDK', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    vi.stubEnv('PROBE_IDP_ALICE_PASSWORD', CANARY);
    const junit = join(dir, 'well-behaved.xml');
    const result = await probeIdp([idp.getUrl(), '--users', await usersYaml(), '--json', '--junit', junit]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as IdpProbeReport;
    expect(Object.keys(report)).toEqual(['target', 'type', 'users', 'edgeCases', 'skippedEdgeCases', 'reachable']);
    expect(report).toMatchObject({ target: idp.getUrl(), type: 'API_GATEWAY', skippedEdgeCases: [], reachable: true });
    expect(Object.keys(report.users[0]!)).toEqual(['username', 'protocol', 'sourceIp', 'passwordLogin', 'answer', 'diagnosis', 'expected', 'verdict', 'explanation']);
    expect(Object.keys(report.edgeCases[0]!)).toEqual(['name', 'username', 'protocol', 'sourceIp', 'passwordLogin', 'answer', 'diagnosis', 'verdict', 'explanation']);
    expect(Object.keys(report.users[0]!.answer!)).toEqual(['statusCode', 'message', 'response', 'url']);

    expect(report.users.map(({ username, protocol, sourceIp, passwordLogin, diagnosis, verdict }) => ({ username, protocol, sourceIp, passwordLogin, diagnosis, verdict }))).toEqual([
      { username: 'bob', protocol: 'SFTP', sourceIp: null, passwordLogin: true, diagnosis: { kind: 'success', role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/bob', publicKeys: 0 }, verdict: 'as-expected' },
      { username: 'alice', protocol: 'SFTP', sourceIp: null, passwordLogin: true, diagnosis: { kind: 'success', role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/alice', publicKeys: 0 }, verdict: 'as-expected' },
      { username: 'mallory', protocol: 'SFTP', sourceIp: null, passwordLogin: true, diagnosis: { kind: 'failed-login' }, verdict: 'as-expected' },
      { username: 'alice', protocol: 'FTPS', sourceIp: '198.51.100.7', passwordLogin: false, diagnosis: { kind: 'success', role: ROLE, homeDirectoryType: 'PATH', homeDirectory: '/bucket/home/alice', publicKeys: 1 }, verdict: 'as-expected' },
    ]);
    // bob is the base user: the first with a password. His allow-list refuses TEST-NET-3.
    expect(verdicts(report.edgeCases)).toEqual({
      "user name with '@'": 'as-expected',
      "user name with '.'": 'as-expected',
      ...REFUSED_NAMES,
      'public-key login': 'as-expected',
      'password with edge spaces': 'as-expected',
      'password beyond Latin-1': 'as-expected',
      'base user over SFTP': 'as-expected',
      'base user over FTP': 'as-expected',
      'base user over FTPS': 'as-expected',
      'source IP 203.0.113.77': 'as-expected',
    });
    expect(report.edgeCases.find((edge) => edge.name === 'user name with a space')!.diagnosis).toMatchObject({ kind: 'refused', error: 'ValidationException' });

    const direct = await askEmulatorDirectly({ url: idp.getUrl() }, attemptsOf(report, passwords, 'bob'));
    expect([...report.users, ...report.edgeCases].map(reported)).toEqual(direct);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain(`tests="${report.users.length + report.edgeCases.length}" failures="0"`);
    for (const text of [result.stdout, result.stderr, xml]) expect(text).not.toContain(CANARY);
  });

  it('a provider that fails on a password beyond Latin-1 is a problem (exit 1), failed in JUnit; a warning alone (edge spaces trimmed, the outside IP let in) is not', async () => {
    await using idp = await new IdpFake().withUsers(users).start();
    // Reads the Password header as Latin-1 text and trims it, as naive providers do.
    idp.use(
      idpConfigRoute(({ request, params }) => {
        const raw = request.headers.get('Password');
        if (raw !== null && /[^\x00-\x7f]/.test(raw)) return new Response('{"message": "Internal server error"}', { status: 500 });
        const auth = readAuthRequest(request, params);
        const user = users.find((known) => known.username === auth.username);
        if (auth.password !== undefined && user && auth.password.trim() === user.password) return providerJson({ Role: ROLE, HomeDirectory: `/bucket/home/${user.username}` });
        return undefined;
      }),
    );
    vi.stubEnv('PROBE_IDP_ALICE_PASSWORD', CANARY);
    const junit = join(dir, 'naive.xml');
    const result = await probeIdp([idp.getUrl(), '--users', await usersYaml(), '--junit', junit]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^ {2}PROBLEM {6}password beyond Latin-1: bob \(SFTP, password\)\n {15}StatusCode 500 {2}Message "Internal server error"/m);
    expect(result.stdout).toMatch(/^ {2}warning {6}password with edge spaces: bob .*\n(.*\n){3} {15}accepted the password with a leading and a trailing space: the provider trims passwords/m);
    expect(result.stdout).toMatch(/^\d+ attempts: \d+ as expected, 6 warnings, 1 problem$/m);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('failures="1"');
    expect(xml).toMatch(/<testcase classname="[^"]+" name="edge case: password beyond Latin-1 \(bob\)">\n {6}<failure message="the provider failed \(http-error\)[^"]*" type="IdentityProviderAnswer">StatusCode: 500\nMessage: Internal server error\n/);
    for (const text of [result.stdout, result.stderr, xml]) expect(text).not.toContain(CANARY);
  });

  it('a provider that answers only errors is reachable (exit 1); a URL nothing answers at exits 3', async () => {
    await using broken = await new IdpFake().withBehaviour(idpConfigRoute(() => new Response('{"message": "Internal server error"}', { status: 502 }))).start();
    const file = await usersFile([{ username: 'bob', password: 'Bob-Password-2' }]);
    const failing = await probeIdp([broken.getUrl(), '--users', file]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('diagnosis: http-error: HTTP 502 instead of 200');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await probeIdp([`http://127.0.0.1:${port}/prod`, '--users', file, '--json']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stdout).toBe('');
    expect(unreachable.stderr).toBe(`partner-harness: http://127.0.0.1:${port}/prod: the identity provider did not answer (Unable to call identity provider: http://127.0.0.1:${port}/prod could not be called: ECONNREFUSED)\n`);

    // A host that takes the connection and never answers: the first call's timeout ends the probe
    // (it does not wait as long again for each of the other attempts).
    let connections = 0;
    const silent = createServer(() => connections++);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const timedOut = await probeIdp([`http://127.0.0.1:${(silent.address() as AddressInfo).port}/prod`, '--users', file, '--timeout', '300']);
      expect(timedOut.code).toBe(3);
      expect(timedOut.stderr).toContain('the identity provider did not answer');
      expect(connections).toBe(1);
    } finally {
      silent.close();
    }
    await expect(probeIdp([`http://127.0.0.1:${port}/prod`, '--users', file, '--timeout', '30000'])).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('give at most 29000') });
  });
});

describe('partner-harness probe idp <handler file>: a real Lambda handler, run in process', () => {
  const usersYaml = () =>
    usersFile([
      { username: 'alice', passwordEnv: 'PROBE_IDP_ALICE_PASSWORD' },
      { username: 'carol', passwordEnv: 'PROBE_IDP_CAROL_PASSWORD' },
      { username: 'alice', protocol: 'FTP' },
    ]);
  const passwords = { alice: CANARY, carol: 'Carol-Password-3' };

  it('flags trimmed passwords, a crash on a password beyond Latin-1 and HomeDirectoryDetails as an array, reports PublicKeys (exit 1); the answers are the emulator’s own', async () => {
    vi.stubEnv('PROBE_IDP_ALICE_PASSWORD', CANARY);
    vi.stubEnv('PROBE_IDP_CAROL_PASSWORD', passwords.carol);
    const junit = join(dir, 'lambda.xml');
    const result = await probeIdp([join(FIXTURES, 'handler.mjs'), '--users', await usersYaml(), '--json', '--junit', junit]);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as IdpProbeReport;
    expect(report.type).toBe('AWS_LAMBDA');
    const [alice, carol, aliceKey] = report.users;
    expect(alice).toMatchObject({ verdict: 'as-expected', answer: { statusCode: 200, message: '', url: null } });
    expect(carol).toMatchObject({
      verdict: 'problem',
      answer: { statusCode: 200, message: 'Unable to parse Json', response: expect.stringContaining('"HomeDirectoryDetails":[') },
      diagnosis: { kind: 'invalid', code: 'home-directory-details-not-string', reason: expect.stringMatching(/^HomeDirectoryDetails must be a string holding a JSON array, got a JSON array/) },
    });
    expect(aliceKey).toMatchObject({ protocol: 'FTP', passwordLogin: false, verdict: 'as-expected', diagnosis: { kind: 'success', publicKeys: 1 } });
    expect(verdicts(report.edgeCases)).toEqual({
      "user name with '@'": 'as-expected',
      "user name with '.'": 'as-expected',
      ...REFUSED_NAMES,
      'public-key login': 'as-expected',
      'password with edge spaces': 'warning',
      'password beyond Latin-1': 'problem',
      'base user over SFTP': 'as-expected',
      'base user over FTP': 'as-expected',
      'base user over FTPS': 'as-expected',
      'source IP 203.0.113.77': 'warning',
    });
    const latin = report.edgeCases.find((edge) => edge.name === 'password beyond Latin-1')!;
    expect(latin).toMatchObject({
      answer: { statusCode: 500, message: 'Lambda function arn:aws:lambda:us-east-1:000000000000:function:handler failed' },
      diagnosis: { kind: 'provider-error', code: 'lambda-error', reason: 'the function failed with Error: cannot decode credentials' },
    });
    expect(report.edgeCases.find((edge) => edge.name === 'public-key login')!.explanation).toBe("answered 1 public key for Transfer to check the client's key against");

    const { handler } = (await import(join(FIXTURES, 'handler.mjs'))) as { handler: LambdaHandler };
    expect([...report.users, ...report.edgeCases].map(reported)).toEqual(await askEmulatorDirectly({ handler }, attemptsOf(report, passwords, 'alice')));
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('tests="16" failures="2"');
    // The handler logs its whole event, password included: CloudWatch's business, never probe's output.
    for (const text of [result.stdout, result.stderr, xml]) expect(text).not.toContain(CANARY);
  });

  it('a TypeScript handler (#authorize, no tsx) gives the same report as the JavaScript one', async () => {
    vi.stubEnv('PROBE_IDP_ALICE_PASSWORD', CANARY);
    vi.stubEnv('PROBE_IDP_CAROL_PASSWORD', passwords.carol);
    const file = await usersYaml();
    const js = await probeIdp([join(FIXTURES, 'handler.mjs'), '--users', file, '--json']);
    const ts = await probeIdp([join(FIXTURES, 'handler.ts#authorize'), '--users', file, '--json']);
    expect(ts.code, ts.stderr).toBe(1);
    expect({ ...JSON.parse(ts.stdout), target: 'same' }).toEqual({ ...JSON.parse(js.stdout), target: 'same' });
  });

  it('with no user that has a password, the password edge cases are skipped and said so', async () => {
    const result = await probeIdp([join(FIXTURES, 'handler.mjs'), '--users', await usersFile([{ username: 'alice' }]), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as IdpProbeReport;
    expect(report.edgeCases.map((edge) => edge.name)).toEqual(["user name with '@'", "user name with '+'", "user name with '.'", 'user name with a space', 'non-ASCII user name (Latin)', 'non-ASCII user name (CJK)', 'public-key login']);
    expect(report.skippedEdgeCases).toEqual(
      ['password with edge spaces', 'password beyond Latin-1', 'base user over SFTP', 'base user over FTP', 'base user over FTPS', 'source IP 203.0.113.77'].map((name) => ({ name, reason: 'no user in the users file has a password' })),
    );
    const junit = join(dir, 'skipped.xml');
    const table = await probeIdp([join(FIXTURES, 'handler.mjs'), '--users', await usersFile([{ username: 'alice' }]), '--junit', junit]);
    expect(table.stdout).toContain('  skipped      password with edge spaces: no user in the users file has a password\n');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('skipped="6"');
    expect(xml).toMatch(/name="edge case: password with edge spaces">\n\s+<skipped message="no user in the users file has a password"\/>/);
  });
});

describe('partner-harness probe idp: secrets and bad input', () => {
  it('a provider that echoes the password, in its answer or its error, shows *** in its place, never the canary', async () => {
    await using idp = await new IdpFake()
      .withBehaviour(
        idpConfigRoute(({ request, params }) => {
          const { password } = readAuthRequest(request, params);
          return providerJson({ Role: ROLE, HomeDirectory: '/bucket/home/echo', Note: `you sent ${password}`, Password: password });
        }),
      )
      .start();
    vi.stubEnv('PROBE_IDP_ECHO_PASSWORD', CANARY);
    const file = await usersFile([{ username: 'echo', passwordEnv: 'PROBE_IDP_ECHO_PASSWORD' }]);
    const junit = join(dir, 'echo.xml');
    for (const target of [idp.getUrl(), join(FIXTURES, 'handler.mjs')]) {
      const json = await probeIdp([target, '--users', file, '--json', '--junit', junit]);
      const table = await probeIdp([target, '--users', file]);
      const xml = await readFile(junit, 'utf8');
      for (const text of [json.stdout, json.stderr, table.stdout, table.stderr, xml]) expect(text).not.toContain(CANARY);
      const [echo] = (JSON.parse(json.stdout) as IdpProbeReport).users;
      if (target === idp.getUrl()) expect(JSON.parse(echo!.answer!.response)).toEqual({ Role: ROLE, HomeDirectory: '/bucket/home/echo', Note: 'you sent ***', Password: '***' });
      else {
        // AWS's answer names the function; the handler's error is the emulator's diagnosis, masked.
        expect(echo!.answer!.message).toBe('Lambda function arn:aws:lambda:us-east-1:000000000000:function:handler failed');
        expect(echo!.diagnosis).toEqual({ kind: 'provider-error', code: 'lambda-error', reason: 'the function failed with Error: wrong password ***' });
      }
    }
  });

  it('refuses bad input before calling anything (exit 2 in the CLI), naming the file, the field and the fix', async () => {
    const handler = join(FIXTURES, 'handler.mjs');
    const good = await usersFile([{ username: 'alice' }]);
    const cases: Array<[string[], RegExp]> = [
      [[handler], /probe idp needs --users <file>/],
      [[handler, handler, '--users', good], /probe idp takes one provider, got 2/],
      [[handler, '--users', good, '--timeout', '5'], /--timeout 5: give milliseconds/],
      [[join(FIXTURES, 'missing.mjs'), '--users', good], /missing\.mjs: no such file\. Give the path of your Lambda handler file/],
      [[`${handler}#authorise`, '--users', good], /handler\.mjs has no function export 'authorise' \(exports: handler\)/],
      [[handler, '--users', await usersFile([{ username: 'alice', pasword: CANARY }])], /users\[0\]: unknown field 'pasword'\. Did you mean 'password'\?/],
      [[handler, '--users', await usersFile([{ username: 'alice', protocol: 22 }])], /users\[0\]\.protocol: .*use one of SFTP, FTP, FTPS/],
      [[handler, '--users', await usersFile([{ username: 'alice', passwordEnv: 'PROBE_IDP_UNSET_PASSWORD' }])], /users\[0\]\.passwordEnv: the environment variable PROBE_IDP_UNSET_PASSWORD is not set/],
      // A user name TestIdentityProvider refuses is the users file's mistake, in AWS's words.
      [[handler, '--users', await usersFile([{ username: 'alice' }, { username: 'first+tag', password: CANARY }])], /users\[1\]: TestIdentityProvider refuses this attempt: ValidationException: .*'first\+tag' at 'userName'/],
    ];
    for (const [args, message] of cases) {
      const error = await probeIdpCommand(args, () => undefined).then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      expect(error?.code, args.join(' ')).toMatch(/^(USAGE|INVALID_OPTION)$/);
      expect(error!.message).toMatch(message);
      expect(error!.message).not.toContain(CANARY);
    }
  });

  it('runs as `partner-harness probe idp …` in the CLI, and exits 2 on a bad users file', async () => {
    await using idp = await new IdpFake().withUsers([{ username: 'alice', password: CANARY, role: ROLE }]).start();
    const file = await usersFile([{ username: 'alice', passwordEnv: 'PROBE_IDP_ALICE_PASSWORD' }]);
    const result = await runCli(['probe', 'idp', idp.getUrl(), '--users', file, '--json'], { env: { PROBE_IDP_ALICE_PASSWORD: CANARY } });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ target: idp.getUrl(), type: 'API_GATEWAY', users: [{ username: 'alice', verdict: 'as-expected' }] });
    expect(result.stdout + result.stderr).not.toContain(CANARY);
    const bad = await runCli(['probe', 'idp', idp.getUrl(), '--users', await usersFile([{ username: 'alice', sourceIp: 'nowhere' }])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^partner-harness: --users .*: users\[0\]\.sourceIp: must be an IPv4 or IPv6 address/);
  });

  it('a handler file that never finishes loading is refused after Lambda\'s 10-second init limit (exit 2)', async () => {
    const file = await usersFile([{ username: 'alice', password: CANARY }]);
    const result = await runCli(['probe', 'idp', join(FIXTURES, 'never-loads.mjs'), '--users', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/never-loads\.mjs: did not finish loading within 10 s\. Lambda gives a function's init phase 10 seconds/);
  }, 30_000);

  it('ends when its work is done though the handler file leaves a timer running', async () => {
    const file = await usersFile([{ username: 'alice', passwordEnv: 'PROBE_IDP_ALICE_PASSWORD' }]);
    const handler = fileURLToPath(new URL('__fixtures__/probe-idp/keeps-a-timer.mjs', import.meta.url));
    const result = await runCli(['probe', 'idp', handler, '--users', file, '--json'], { env: { PROBE_IDP_ALICE_PASSWORD: CANARY } });
    expect(result.signal).toBeNull();
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'AWS_LAMBDA', users: [{ username: 'alice', verdict: 'as-expected' }] });
  });
});
