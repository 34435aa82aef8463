import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateServerCommand,
  TestIdentityProviderCommand,
  TransferClient,
  type TestIdentityProviderCommandInput,
  type TestIdentityProviderCommandOutput,
} from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';
import type { LambdaHandler } from '../../lambda/lambda-registry.ts';

const ROLE = 'arn:aws:iam::000000000000:role/transfer-user';
const INVOCATION_ROLE = 'arn:aws:iam::000000000000:role/transfer-invoke-api';
const SUCCESS = JSON.stringify({ Role: ROLE, HomeDirectory: '/bucket/home' });
const ARRAY_DETAILS = JSON.stringify({ Role: ROLE, HomeDirectoryDetails: [{ Entry: '/', Target: '/b' }] });
const fn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  rawUrl: string;
  headers: IncomingHttpHeaders;
}

/** An API Gateway stand-in: answers by user name (the path segment), records what it was sent. */
interface Provider {
  url: string;
  seen: SeenRequest[];
  server: Server;
}

const answers: Record<string, { status: number; body: string } | 'hang'> = {
  'forbidden-user': { status: 403, body: '{"message":"Forbidden"}' },
  'bad-gateway-user': { status: 502, body: '<html><body>502 Bad Gateway</body></html>' },
  'failed-user': { status: 200, body: '{}' },
  'array-details-user': { status: 200, body: ARRAY_DETAILS },
  'hang-user': 'hang',
};

async function startProvider(): Promise<Provider> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    seen.push({ method: req.method!, path: url.pathname, query: url.searchParams, rawUrl: req.url!, headers: req.headers });
    const user = decodeURIComponent(url.pathname.split('/')[5] ?? '');
    const answer = answers[user] ?? { status: 200, body: SUCCESS };
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prod`, seen, server };
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const lambdaEvents: unknown[] = [];
const handlers: Record<string, LambdaHandler> = {
  [fn('echo')]: async (event) => {
    lambdaEvents.push(event);
    return { Role: ROLE, HomeDirectory: '/bucket/lambda' };
  },
  [fn('callback')]: (_event, _context, callback) => {
    setTimeout(() => callback(null, { Role: ROLE }), 5);
  },
  [fn('throws')]: async (event) => {
    throw new TypeError(`cannot check ${(event as { password?: string }).password}`);
  },
  [fn('slow')]: () => new Promise(() => {}),
};

let provider: Provider;
let aws: StartedAwsEndpoint;
let transfer: TransferClient;
let apiServer: string;

beforeAll(async () => {
  provider = await startProvider();
  let endpoint = new AwsEndpoint();
  for (const [arn, handler] of Object.entries(handlers)) endpoint = endpoint.withLambda(arn, handler, { timeoutMs: arn === fn('slow') ? 200 : 3_000 });
  aws = await endpoint.start();
  transfer = new TransferClient(aws.getClientConfig());
  apiServer = await createApiGatewayServer(transfer, provider.url);
});

afterAll(async () => {
  transfer?.destroy();
  await aws?.stop();
  await stopServer(provider?.server);
});

async function createApiGatewayServer(client: TransferClient, url: string): Promise<string> {
  const { ServerId } = await client.send(
    new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: url, InvocationRole: INVOCATION_ROLE } }),
  );
  return ServerId!;
}

async function lambdaServer(arn: string): Promise<string> {
  const { ServerId } = await transfer.send(new CreateServerCommand({ IdentityProviderType: 'AWS_LAMBDA', IdentityProviderDetails: { Function: arn } }));
  return ServerId!;
}

function test(input: Partial<TestIdentityProviderCommandInput> & { UserName: string }, client = transfer): Promise<TestIdentityProviderCommandOutput> {
  return client.send(new TestIdentityProviderCommand({ ServerId: apiServer, ...input }));
}

/** The one request the provider saw for `user`. */
function seenFor(user: string): SeenRequest {
  const matching = provider.seen.filter((r) => r.path.includes(`/users/${encodeURIComponent(user)}/`));
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to be rejected, but it succeeded');
  return error as Error & Record<string, any>;
}

describe('TestIdentityProvider: the request sent to an API_GATEWAY provider', () => {
  it('GETs /servers/{id}/users/{user}/config with protocol SFTP and sourceIp 127.0.0.1 by default', async () => {
    const out = await test({ UserName: 'alice', UserPassword: 'alice-secret' });
    const request = seenFor('alice');
    expect(request.method).toBe('GET');
    expect(request.path).toBe(`/prod/servers/${apiServer}/users/alice/config`);
    expect(Object.fromEntries(request.query)).toEqual({ protocol: 'SFTP', sourceIp: '127.0.0.1' });
    expect(out.StatusCode).toBe(200);
    expect(out.Response).toBe(SUCCESS);
    expect(out.Message).toBe('');
    expect(out.Url).toBe(`${provider.url}/servers/${apiServer}/users/alice/config`);
    expect(out.Url).not.toContain('?');
  });

  it('passes ServerProtocol and SourceIp through as query parameters', async () => {
    await test({ UserName: 'ftps-user', UserPassword: 'pw-ftps', ServerProtocol: 'FTPS', SourceIp: '203.0.113.7' });
    expect(Object.fromEntries(seenFor('ftps-user').query)).toEqual({ protocol: 'FTPS', sourceIp: '203.0.113.7' });
  });

  it('sends the password as Password and as PasswordBase64', async () => {
    await test({ UserName: 'bob', UserPassword: 'S3cret pass!' });
    const { headers } = seenFor('bob');
    expect(headers.password).toBe('S3cret pass!');
    expect(Buffer.from(String(headers.passwordbase64), 'base64').toString('utf8')).toBe('S3cret pass!');
  });

  it('sends a non-ASCII password as its UTF-8 bytes in Password, and exactly in PasswordBase64', async () => {
    for (const [user, password] of [['latin', 'pässwörd'], ['carol', 'pässwörd-✓']]) {
      await test({ UserName: user, UserPassword: password });
      const { headers } = seenFor(user!);
      // node:http reads header bytes as Latin-1; the bytes are the password's UTF-8.
      expect(Buffer.from(String(headers.password), 'latin1').toString('utf8')).toBe(password);
      expect(Buffer.from(String(headers.passwordbase64), 'base64').toString('utf8')).toBe(password);
    }
  });

  it('sends a password with edge spaces in Password too, and exactly in PasswordBase64', async () => {
    await test({ UserName: 'spaced', UserPassword: ' pw with spaces ' });
    const { headers } = seenFor('spaced');
    expect(Buffer.from(String(headers.passwordbase64), 'base64').toString('utf8')).toBe(' pw with spaces ');
    // HTTP strips a header value's outer whitespace; the header is still there, so the attempt
    // never looks like a key login to a provider that reads only Password.
    expect(headers.password).toBe('pw with spaces');
  });

  it('calls no provider for a password no header can carry, and says why without the password', async () => {
    const out = await test({ UserName: 'newline-user', UserPassword: 'line\nbreak' });
    expect(provider.seen.some((r) => r.path.includes('/newline-user/'))).toBe(false);
    expect(out).toMatchObject({ StatusCode: 500, Response: '', Message: 'Unable to call identity provider' });
    expect(aws.getCall(out.$metadata.requestId!)?.diagnosis[0]?.text).toMatch(/could not be called: the password has control characters, which no HTTP Password header can carry$/);
  });

  it('sends no password header for a key login (UserPassword absent or empty)', async () => {
    await test({ UserName: 'key-absent' });
    await test({ UserName: 'key-empty', UserPassword: '' });
    for (const user of ['key-absent', 'key-empty']) {
      const { headers } = seenFor(user);
      expect(headers).not.toHaveProperty('password');
      expect(headers).not.toHaveProperty('passwordbase64');
    }
  });

  it('URL-encodes a user name with @ and . in the path and in Url', async () => {
    const out = await test({ UserName: 'jane.doe@example.com', UserPassword: 'pw-jane' });
    const request = seenFor('jane.doe@example.com');
    expect(request.rawUrl.split('?')[0]).toBe(`/prod/servers/${apiServer}/users/jane.doe%40example.com/config`);
    expect(out.Url).toBe(`${provider.url}/servers/${apiServer}/users/jane.doe%40example.com/config`);
  });

  it('keeps the password out of the call record, masking UserPassword', async () => {
    const password = 'never-in-the-record-42';
    const out = await test({ UserName: 'dave', UserPassword: password });
    const requestId = out.$metadata.requestId!;
    const record = await vi.waitFor(() => aws.getCall(requestId) ?? Promise.reject(new Error('not recorded yet')));
    expect((record.request as { UserPassword?: string }).UserPassword).toBe('***');
    expect(JSON.stringify(record)).not.toContain(password);
    expect(record.operation).toBe('TestIdentityProvider');
  });
});

describe('TestIdentityProvider: what an API_GATEWAY provider answered', () => {
  it('reports a failed login ({}) as 200 with an empty Response and Message', async () => {
    const out = await test({ UserName: 'failed-user', UserPassword: 'wrong' });
    expect(out).toMatchObject({ StatusCode: 200, Response: '', Message: '' });
  });

  it("passes API Gateway's own error message on, with its status and an empty Response", async () => {
    const out = await test({ UserName: 'forbidden-user', UserPassword: 'pw' });
    expect(out).toMatchObject({ StatusCode: 403, Message: 'Forbidden', Response: '' });
  });

  it('names the HTTP status when the error body is not API Gateway JSON', async () => {
    const out = await test({ UserName: 'bad-gateway-user', UserPassword: 'pw' });
    expect(out).toMatchObject({ StatusCode: 502, Message: 'Identity provider answered HTTP 502', Response: '' });
  });

  it('keeps the body of a mis-shaped answer: Message is AWS\'s "Unable to parse Json" alone, the explanation is the diagnosis', async () => {
    const out = await test({ UserName: 'array-details-user', UserPassword: 'pw' });
    expect(out.StatusCode).toBe(200);
    expect(out.Response).toBe(ARRAY_DETAILS);
    expect(out.Message).toBe('Unable to parse Json');
    const record = await vi.waitFor(() => aws.getCall(out.$metadata.requestId!) ?? Promise.reject(new Error('not recorded yet')));
    expect(record.diagnosis).toEqual([
      { code: 'home-directory-details-not-string', text: expect.stringMatching(/^HomeDirectoryDetails must be a string holding a JSON array, got a JSON array /), fix: expect.stringMatching(/^Stringify it/) },
    ]);
  });

  it('answers 500 "Unable to call identity provider: …" when nothing listens', async () => {
    const port = await closedPort();
    const serverId = await createApiGatewayServer(transfer, `http://127.0.0.1:${port}/prod`);
    const out = await test({ ServerId: serverId, UserName: 'alice', UserPassword: 'pw' });
    expect(out.StatusCode).toBe(500);
    expect(out.Message).toBe('Unable to call identity provider');
    expect(aws.getCall(out.$metadata.requestId!)?.diagnosis[0]).toMatchObject({ code: 'provider-unreachable', text: expect.stringContaining('ECONNREFUSED') });
    expect(out.Response).toBe('');
    expect(out.Url).toBe(`http://127.0.0.1:${port}/prod/servers/${serverId}/users/alice/config`);
  });

  it('answers 504 "Endpoint request timed out" when the provider outlasts identityProviderTimeoutMs', async () => {
    const quick = await new AwsEndpoint().withOptions({ identityProviderTimeoutMs: 200 }).start();
    const client = new TransferClient(quick.getClientConfig());
    try {
      const serverId = await createApiGatewayServer(client, provider.url);
      const started = Date.now();
      const out = await test({ ServerId: serverId, UserName: 'hang-user', UserPassword: 'pw' }, client);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(out).toMatchObject({ StatusCode: 504, Message: 'Endpoint request timed out', Response: '' });
    } finally {
      client.destroy();
      await quick.stop();
    }
  });
});

describe('TestIdentityProvider: AWS_LAMBDA providers', () => {
  it('invokes the function with exactly {username, password, protocol, serverId, sourceIp}', async () => {
    const serverId = await lambdaServer(fn('echo'));
    lambdaEvents.length = 0;
    const out = await test({ ServerId: serverId, UserName: 'alice', UserPassword: 'lambda-pw', ServerProtocol: 'FTP', SourceIp: '198.51.100.4' });
    expect(lambdaEvents).toEqual([{ username: 'alice', password: 'lambda-pw', protocol: 'FTP', serverId, sourceIp: '198.51.100.4' }]);
    expect(out).toMatchObject({ StatusCode: 200, Message: '' });
    // "The "Url": line is returned only if you are using an API Gateway method" (logical-dir-mappings).
    expect(out.Url).toBeUndefined();
    expect(JSON.parse(out.Response!)).toEqual({ Role: ROLE, HomeDirectory: '/bucket/lambda' });
  });

  it('leaves the password key out for key logins and defaults protocol and sourceIp', async () => {
    const serverId = await lambdaServer(fn('echo'));
    lambdaEvents.length = 0;
    await test({ ServerId: serverId, UserName: 'bob' });
    await test({ ServerId: serverId, UserName: 'bob', UserPassword: '' });
    expect(lambdaEvents).toHaveLength(2);
    for (const event of lambdaEvents) {
      expect(event).toEqual({ username: 'bob', protocol: 'SFTP', serverId, sourceIp: '127.0.0.1' });
      expect(event).not.toHaveProperty('password');
    }
  });

  it('works with a callback-style handler', async () => {
    const serverId = await lambdaServer(fn('callback'));
    const out = await test({ ServerId: serverId, UserName: 'carol', UserPassword: 'pw' });
    expect(out).toMatchObject({ StatusCode: 200, Response: JSON.stringify({ Role: ROLE }), Message: '' });
  });

  it('answers 404 "Function not found: …" for a function that is not registered', async () => {
    const missing = fn('not-registered');
    const serverId = await lambdaServer(missing);
    const out = await test({ ServerId: serverId, UserName: 'dave', UserPassword: 'pw' });
    expect(out).toMatchObject({ StatusCode: 404, Message: `Function not found: ${missing}`, Response: '' });
    expect(out.Url).toBeUndefined();
  });

  it('reports a thrown error as 500 with its type, and keeps the password out of the record', async () => {
    const serverId = await lambdaServer(fn('throws'));
    const password = 'leaky-lambda-password';
    const out = await test({ ServerId: serverId, UserName: 'erin', UserPassword: password });
    expect(out).toMatchObject({ StatusCode: 500, Response: '', Message: `Lambda function ${fn('throws')} failed` });
    const record = await vi.waitFor(() => aws.getCall(out.$metadata.requestId!) ?? Promise.reject(new Error('not recorded yet')));
    expect((record.request as { UserPassword?: string }).UserPassword).toBe('***');
    expect(JSON.stringify(record)).not.toContain(password);
    // The error type and message are the harness's diagnosis, beside AWS's answer.
    expect(record.diagnosis).toEqual([expect.objectContaining({ code: 'lambda-error', text: 'the function failed with TypeError: cannot check ***' })]);
  });

  it('keeps the password out of the rendered messages of the call record', async () => {
    const serverId = await lambdaServer(fn('throws'));
    const password = 'leaky-lambda-password-2';
    const out = await test({ ServerId: serverId, UserName: 'erin', UserPassword: password });
    const record = await vi.waitFor(() => aws.getCall(out.$metadata.requestId!) ?? Promise.reject(new Error('not recorded yet')));
    expect(record.messages.map((m) => m.id)).toEqual(['transfer.identity-provider.lambda-error']);
    expect(JSON.stringify(record.messages)).not.toContain(password);
  });

  it('reports a function that outlasts its timeout as Sandbox.Timedout', async () => {
    const serverId = await lambdaServer(fn('slow'));
    const out = await test({ ServerId: serverId, UserName: 'frank', UserPassword: 'pw' });
    expect(out.StatusCode).toBe(500);
    expect(out.Message).toBe(`Lambda function ${fn('slow')} failed`);
    const record = await vi.waitFor(() => aws.getCall(out.$metadata.requestId!) ?? Promise.reject(new Error('not recorded yet')));
    expect(record.diagnosis[0]!.text).toBe('the function failed with Sandbox.Timedout: Task timed out after 0.20 seconds');
  });
});

describe('TestIdentityProvider: servers it cannot test', () => {
  it('rejects a SERVICE_MANAGED server with InvalidRequestException naming the server', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    const error = await rejection(test({ ServerId, UserName: 'alice', UserPassword: 'pw' }));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`${ServerId} not configured for external auth`);
  });

  it('rejects an unknown server with ResourceNotFoundException "Unknown server"', async () => {
    const error = await rejection(test({ ServerId: 's-fffffffffffffffff', UserName: 'alice' }));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('Unknown server');
    expect(error.Resource).toBe('s-fffffffffffffffff');
  });

  it('rejects a user name outside the model pattern with ValidationException', async () => {
    const error = await rejection(test({ UserName: '@alice' }));
    expect(error.name).toBe('ValidationException');
    expect(provider.seen.some((r) => r.path.includes('%40alice'))).toBe(false);
  });
});
