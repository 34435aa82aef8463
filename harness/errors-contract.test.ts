import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as aws from './aws/index.ts';
import * as fakes from '../fakes/index.ts';
import * as main from './index.ts';

// Each error class a user can meet, raised through the public entries as a user would raise it:
// it is a PartnerHarnessError, carries its stable code and keeps the text it had before the
// classes existed. The texts are written out here, not read from the code, so a change shows.

/** What `run()` threw, synchronously or as a rejection. */
async function thrown(run: () => unknown): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

function expectHarnessError(error: Error, type: abstract new (...args: never[]) => Error, code: string, message: string | RegExp): void {
  expect(error).toBeInstanceOf(type);
  expect(error).toBeInstanceOf(main.PartnerHarnessError);
  expect(error).toMatchObject({ name: type.name, code });
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
}

describe('errors users meet', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errors-contract-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is one set of classes, whichever entry it is imported from', () => {
    for (const name of ['PartnerHarnessError', 'InvalidOptionError', 'RuntimeUnavailableError', 'FakeStartError', 'InvalidKeyError'] as const) {
      expect(fakes[name]).toBe(main[name]);
    }
    expect(aws.PartnerHarnessError).toBe(main.PartnerHarnessError);
    expect(aws.InvalidOptionError).toBe(main.InvalidOptionError);
    expect(main.FakeKindError).toBe(fakes.FakeKindError);
  });

  it('InvalidOptionError (INVALID_OPTION): a fake builder or the endpoint given a bad value', async () => {
    const transfer = aws.emulatedServices.find((service) => service.name === 'transfer')!;
    expectHarnessError(
      await thrown(() => new fakes.SftpFake().withUser('', { password: 'pw' })),
      main.InvalidOptionError,
      'INVALID_OPTION',
      `withUser: invalid user name ""; use letters, digits and _ . @ - (e.g. 'alice')`,
    );
    expectHarnessError(
      await thrown(() => new fakes.IdpFake().withPort(70000)),
      main.InvalidOptionError,
      'INVALID_OPTION',
      'withPort: invalid port 70000; use 0..65535 (0 picks a free port)',
    );
    expectHarnessError(
      await thrown(() => fakes.behaviours.httpError(99)),
      main.InvalidOptionError,
      'INVALID_OPTION',
      'httpError: status must be an integer 200..599, got 99',
    );
    expectHarnessError(
      await thrown(() => new aws.AwsEndpoint().withPort(-1)),
      aws.InvalidOptionError,
      'INVALID_OPTION',
      'Invalid port -1: use an integer from 0 (OS-chosen) to 65535',
    );
    expectHarnessError(
      await thrown(() => new aws.AwsEndpoint().withService(transfer)),
      aws.InvalidOptionError,
      'INVALID_OPTION',
      "The endpoint already emulates a service named transfer: use withOperations('transfer', ...) to add operations to it",
    );
    expectHarnessError(
      await thrown(() => aws.defineOperation({ name: 'lower-case', handle: async () => ({}) })),
      aws.InvalidOptionError,
      'INVALID_OPTION',
      `Invalid operation name "lower-case": use the AWS operation name, e.g. 'TestConnection'`,
    );
    expectHarnessError(
      await thrown(() => new aws.AwsEndpoint().withMessageOverrides({ 'no.such.id': 'text' }).start()),
      aws.InvalidOptionError,
      'INVALID_OPTION',
      /^Unknown message id 'no\.such\.id' in user override\. Known ids: [\w.-]+(, [\w.-]+)+$/,
    );
  });

  it('InvalidKeyError (INVALID_KEY): an SSH or PEM key that cannot be used', async () => {
    const { publicKey } = fakes.generateSshKey('ssh-ed25519');
    expectHarnessError(await thrown(() => fakes.parsePublicKey('')), main.InvalidKeyError, 'INVALID_KEY', 'expected a public key as text but got ""');
    expectHarnessError(
      await thrown(() => fakes.parsePrivateKey(publicKey)),
      main.InvalidKeyError,
      'INVALID_KEY',
      'expected a private key but got a public ssh-ed25519 key; pass the private half (OpenSSH or PEM)',
    );
    const error = await thrown(() => new fakes.SftpFake().withHostKey({ privateKey: publicKey }));
    expectHarnessError(error, main.InvalidKeyError, 'INVALID_KEY', 'withHostKey: expected a private key but got a public ssh-ed25519 key; pass the private half (OpenSSH or PEM)');
    expect(error.cause).toBeInstanceOf(main.InvalidKeyError);
  });

  it('RuntimeUnavailableError (RUNTIME_UNAVAILABLE): a runtime there is no engine for', async () => {
    expectHarnessError(
      await thrown(() => new fakes.MysqlFake().withRuntime('embedded')),
      main.RuntimeUnavailableError,
      'RUNTIME_UNAVAILABLE',
      "MysqlFake: runtime 'embedded' is not available: npm has no MySQL/MariaDB server binaries (mysql-memory-server downloads them at run time, and this harness must work offline); use withRuntime('process'), which runs the system mariadbd",
    );
  });

  it('FakeStartError (FAKE_START_FAILED): a fake whose port is taken, with the OS error as its cause', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = taken.address() as { port: number };
      const error = await thrown(() => new fakes.IdpFake().withPort(port).start());
      expectHarnessError(error, main.FakeStartError, 'FAKE_START_FAILED', `IdpFake: cannot listen on 127.0.0.1:${port} (EADDRINUSE); use withPort(0) for a free port`);
      expect(error.cause).toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('the identity provider fake as a Lambda: its failures keep the Lambda error type as their name', async () => {
    const event = { username: 'uma', password: 'pw', protocol: 'SFTP', serverId: 's-0123456789abcdef0', sourceIp: '203.0.113.7' } as const;
    await using failing = await new fakes.IdpFake().withBehaviour(...fakes.behaviours.httpError(503, 'down')).start();
    const status = await thrown(() => failing.invokeAsLambda(event));
    expect(status).toBeInstanceOf(fakes.IdpHttpStatusError);
    expect(status).toBeInstanceOf(main.PartnerHarnessError);
    expect(status).toMatchObject({ name: 'Http503Error', code: 'IDP_HTTP_STATUS', message: 'identity provider answered HTTP 503: down' });

    await using garbled = await new fakes.IdpFake().withBehaviour(...fakes.behaviours.invalidJson()).start();
    const invalid = await thrown(() => garbled.invokeAsLambda(event));
    expect(invalid).toBeInstanceOf(fakes.IdpInvalidResponseError);
    expect(invalid).toBeInstanceOf(main.PartnerHarnessError);
    expect(invalid).toMatchObject({ name: 'Runtime.MarshalError', code: 'IDP_INVALID_RESPONSE' });
    expect(invalid.message).toMatch(/^identity provider result is not JSON: /);

    expectHarnessError(
      await thrown(() => failing.invokeAsLambda({ ...event, protocol: 'SCP' as never })),
      main.InvalidOptionError,
      'INVALID_OPTION',
      'invokeAsLambda: invalid protocol "SCP"; use one of SFTP, FTP, FTPS',
    );
  });

  it('FakeKindError (FAKE_KIND_INVALID): a kind of fake that is not one, with its fix', async () => {
    const error = await thrown(() => fakes.defineFakeKind(null as never));
    expectHarnessError(
      error,
      main.FakeKindError,
      'FAKE_KIND_INVALID',
      'defineFakeKind: not a usable kind of fake: it is null, not an object. Build one with defineFakeKind({ kind, schema, runtimes, start }) from partner-harness/fakes',
    );
    expect(error).toMatchObject({ fix: 'Build one with defineFakeKind({ kind, schema, runtimes, start }) from partner-harness/fakes' });
  });

  it('ScenarioFileError (SCENARIO_INVALID): a scenario file loadScenarioFile refuses', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'name: bad\ngiven: {}\nwhen: { operation: transfer:TestConnection }\nthen: { status: OK }\nconstructor: 1\n');
    const error = await thrown(() => main.loadScenarioFile(file));
    expectHarnessError(
      error,
      main.ScenarioFileError,
      'SCENARIO_INVALID',
      `Invalid scenario file ${file}:\n  - constructor (line 5): 'constructor' is a reserved name (a property of every JavaScript object): choose another name`,
    );
  });

  it('ConfigError (CONFIG_INVALID): a config file loadConfig refuses', async () => {
    const file = join(dir, 'partner-harness.config.mjs');
    await writeFile(file, 'export const notDefault = {};\n');
    expectHarnessError(
      await thrown(() => main.loadConfig(file)),
      main.ConfigError,
      'CONFIG_INVALID',
      `Invalid config file ${file}:\n  - (file): it has no default export: write \`export default defineConfig({ … })\``,
    );
  });

  it('UsageError (USAGE): runScenarios called with an option it does not take', async () => {
    expectHarnessError(await thrown(() => main.runScenarios({ runtime: 'docker' as never })), main.UsageError, 'USAGE', 'runtime docker: use embedded, process, container.');
  });
});
