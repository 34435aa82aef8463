import { CreateServerCommand, TestIdentityProviderCommand, TransferClient } from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayRequest } from '../../../../core/identity-provider/index.ts';
import { generateSshKey } from '../../../../core/ssh/index.ts';
import { IdpFake, idpConfigRoute, providerJson, readAuthRequest, type IdpAuthRequest, type StartedIdpFake, type TransferAuthEvent } from '../../../../fakes/idp/index.ts';
import { SftpFake, type StartedSftpFake } from '../../../../fakes/sftp/index.ts';
import { connectSsh } from '../../../../fakes/sftp/ssh-test-client.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';

/**
 * TestIdentityProvider (the emulator) and a real SSH login through the SFTP fake must put the
 * same request to the same identity provider and reach the same verdict, because both call it
 * through core/identity-provider. Every request the provider receives is recorded whole (method,
 * path as sent, query, every header), so any difference in encoding shows.
 *
 * A server id that needs percent-encoding cannot be had through both paths (CreateServer makes
 * `s-` and 17 hex digits, and the fake takes only such ids); core/identity-provider's own tests
 * cover its encoding.
 */
const ROLE = 'arn:aws:iam::000000000000:role/transfer-user';
const KEY = generateSshKey('ssh-ed25519', 'agreement-user');
const SOURCE_IP = '127.0.0.1';

interface Account {
  password?: string;
  publicKeys?: string[];
}

const ACCOUNTS: Record<string, Account> = {
  alice: { password: 'alice-pw-1' },
  'jane.doe@example.com': { password: '  edge spaces  ' },
  'uschi.m': { password: 'Grüße-ß-Latin-1' },
  ivan_p: { password: 'пароль-✓-🔑' },
  'kate-key': { publicKeys: [KEY.publicKey] },
  'no-keys': { password: 'unused-pw' },
  // Outside TestIdentityProvider's UserName pattern [\w][\w@.-]{2,99}:
  'a+b@example.com': { password: 'plus-pw' },
  'first last': { password: 'space-pw' },
  jürgen: { password: 'umlaut-pw' },
};

/** A provider that answers as the AWS sample templates do: the session for a right password or a key user, `{}` otherwise. */
function answer(auth: IdpAuthRequest): Record<string, unknown> {
  const account = ACCOUNTS[auth.username];
  const session = { Role: ROLE, HomeDirectory: `/bucket/home/${auth.username}` };
  if (!account) return {};
  if (auth.password !== undefined) return account.password === auth.password ? session : {};
  return account.publicKeys ? { ...session, PublicKeys: account.publicKeys } : {};
}

/** One request exactly as the provider received it. */
interface Seen {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
}

let idp: StartedIdpFake;
let aws: StartedAwsEndpoint;
let transfer: TransferClient;
let fake: StartedSftpFake;
let serverId: string;
const seen: Seen[] = [];

beforeAll(async () => {
  idp = await new IdpFake()
    .withBehaviour(
      idpConfigRoute(({ request, params }) => {
        const url = new URL(request.url);
        seen.push({ method: request.method, path: url.pathname, query: url.search, headers: Object.fromEntries(request.headers) });
        return providerJson(answer(readAuthRequest(request, params)));
      }),
    )
    .start();
  aws = await new AwsEndpoint().start();
  transfer = new TransferClient(aws.getClientConfig());
  ({ ServerId: serverId } = (await transfer.send(
    new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: idp.getUrl(), InvocationRole: 'arn:aws:iam::000000000000:role/invoke-idp' } }),
  )) as { ServerId: string });
  fake = await new SftpFake().withIdentityProvider({ kind: 'api-gateway', url: idp.getUrl(), serverId }).start();
});

afterAll(async () => {
  transfer?.destroy();
  await fake?.stop();
  await aws?.stop();
  await idp?.stop();
});

type Verdict = 'accepted' | 'failed-login';

/** What TestIdentityProvider made of it, and the requests the provider saw meanwhile. */
async function viaEmulator(username: string, password?: string): Promise<{ verdict: Verdict; requests: Seen[] }> {
  const before = seen.length;
  const out = await transfer.send(new TestIdentityProviderCommand({ ServerId: serverId, UserName: username, UserPassword: password, ServerProtocol: 'SFTP', SourceIp: SOURCE_IP }));
  expect(out).toMatchObject({ StatusCode: 200, Message: '' });
  return { verdict: out.Response ? 'accepted' : 'failed-login', requests: seen.slice(before) };
}

/** Whether a real SSH login through the fake got in, and the requests the provider saw meanwhile. */
async function viaFake(username: string, credential: { password: string } | { privateKey: string }): Promise<{ verdict: Verdict; requests: Seen[] }> {
  const before = seen.length;
  const verdict = await connectSsh(fake, { username, ...credential }).then(
    (client) => {
      client.end();
      return 'accepted' as const;
    },
    () => 'failed-login' as const,
  );
  if (verdict === 'failed-login') {
    const entries = fake.getTranscript().filter((e) => e.kind === 'identity-provider' && e.detail.user === username);
    expect(entries.at(-1)?.detail).toMatchObject({ result: 'rejected', reason: 'no Role in response (login refused)' });
  }
  return { verdict, requests: seen.slice(before) };
}

describe('TestIdentityProvider and a login through the SFTP fake ask the provider alike', () => {
  it.each([
    ['a plain password', 'alice', 'alice-pw-1', 'accepted'],
    ['a wrong password', 'alice', 'not-the-pw', 'failed-login'],
    ['leading and trailing spaces in the password, and @ and . in the user name', 'jane.doe@example.com', '  edge spaces  ', 'accepted'],
    ['a Latin-1 password', 'uschi.m', 'Grüße-ß-Latin-1', 'accepted'],
    ['a password beyond Latin-1', 'ivan_p', 'пароль-✓-🔑', 'accepted'],
  ])('%s: the same request, the same verdict', async (_case, username, password, expected) => {
    const emulator = await viaEmulator(username, password);
    const login = await viaFake(username, { password });
    expect(emulator.verdict).toBe(expected);
    expect(login.verdict).toBe(expected);
    expect(emulator.requests).toHaveLength(1);
    expect(login.requests).toEqual(emulator.requests);
    expect(emulator.requests[0]).toMatchObject({
      method: 'GET',
      path: `/prod/servers/${serverId}/users/${encodeURIComponent(username)}/config`,
      query: `?protocol=SFTP&sourceIp=${SOURCE_IP}`,
    });
    expect(Buffer.from(emulator.requests[0]!.headers.passwordbase64!, 'base64').toString('utf8')).toBe(password);
  });

  it.each([
    ['a key the provider lists', 'kate-key', 'accepted'],
    ['a user the provider has no keys for', 'no-keys', 'failed-login'],
  ])('a public-key login with %s: no password sent, the same request, the same verdict', async (_case, username, expected) => {
    const emulator = await viaEmulator(username);
    const login = await viaFake(username, { privateKey: KEY.privateKey });
    expect(emulator.verdict).toBe(expected);
    expect(login.verdict).toBe(expected);
    expect(emulator.requests).toHaveLength(1);
    // The client asks whether the key would do, then signs: each step asks the provider again.
    expect(login.requests.length).toBeGreaterThanOrEqual(1);
    for (const request of login.requests) expect(request).toEqual(emulator.requests[0]);
    expect(emulator.requests[0]!.headers).not.toHaveProperty('password');
    expect(emulator.requests[0]!.headers).not.toHaveProperty('passwordbase64');
  });

  it.each([['a+b@example.com'], ['first last'], ['jürgen']])(
    'the user name %j: TestIdentityProvider refuses it as AWS validates its input, the fake sends the one shared request',
    async (username) => {
      const before = seen.length;
      const error = await transfer
        .send(new TestIdentityProviderCommand({ ServerId: serverId, UserName: username, UserPassword: ACCOUNTS[username]!.password, SourceIp: SOURCE_IP }))
        .then(() => undefined, (e: Error) => e);
      expect(error?.name).toBe('ValidationException');
      expect(seen.length).toBe(before);

      const password = ACCOUNTS[username]!.password!;
      const login = await viaFake(username, { password });
      expect(login.verdict).toBe('accepted');
      const { url, headers } = apiGatewayRequest(idp.getUrl(), { serverId, username, password, protocol: 'SFTP', sourceIp: SOURCE_IP });
      expect(login.requests).toHaveLength(1);
      expect(login.requests[0]).toMatchObject({ method: 'GET', path: url.pathname, query: url.search, headers: { password: headers.Password, passwordbase64: headers.PasswordBase64 } });
    },
  );
});

describe('TestIdentityProvider and a login through the SFTP fake call a Lambda provider alike', () => {
  it('pass the same event, and the IdP fake answers both the same', async () => {
    const events: unknown[] = [];
    // One handler for both: the emulator's Lambda registry and the fake's `invoke` each pass it the event.
    const invoke = async (event: unknown) => {
      events.push(event);
      return idp.invokeAsLambda(event as TransferAuthEvent);
    };
    const arn = 'arn:aws:lambda:us-east-1:000000000000:function:agreement-idp';
    await using lambdaAws = await new AwsEndpoint().withLambda(arn, invoke).start();
    const client = new TransferClient(lambdaAws.getClientConfig());
    try {
      const { ServerId } = await client.send(new CreateServerCommand({ IdentityProviderType: 'AWS_LAMBDA', IdentityProviderDetails: { Function: arn } }));
      await using lambdaFake = await new SftpFake().withIdentityProvider({ kind: 'lambda', invoke, serverId: ServerId! }).start();
      const password = '  edge ✓ spaces  ';
      ACCOUNTS['lambda-user'] = { password };
      const out = await client.send(new TestIdentityProviderCommand({ ServerId, UserName: 'lambda-user', UserPassword: password, ServerProtocol: 'SFTP', SourceIp: SOURCE_IP }));
      const loggedIn = await connectSsh(lambdaFake, { username: 'lambda-user', password }).then((c) => (c.end(), true), () => false);
      expect(events).toEqual([
        { username: 'lambda-user', password, protocol: 'SFTP', serverId: ServerId, sourceIp: SOURCE_IP },
        { username: 'lambda-user', password, protocol: 'SFTP', serverId: ServerId, sourceIp: SOURCE_IP },
      ]);
      expect(out).toMatchObject({ StatusCode: 200, Message: '' });
      expect(JSON.parse(out.Response!)).toMatchObject({ Role: ROLE });
      expect(loggedIn).toBe(true);
    } finally {
      client.destroy();
    }
  });
});
