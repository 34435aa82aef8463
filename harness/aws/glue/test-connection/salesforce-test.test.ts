import { createServer } from 'node:net';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GlueClient, TestConnectionCommand, type AuthenticationConfigurationInput, type TestConnectionCommandOutput } from '@aws-sdk/client-glue';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJwtAssertion, generateRsaKeyPair, SalesforceFake, type StartedSalesforceFake } from '../../../../fakes/oauth/index.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';
import { SALESFORCE_API_VERSION } from './salesforce-test.ts';
import { failure } from '../../testing/sdk-failure.ts';

const CC_CLIENT = 'cc-app';
const CC_SECRET = 'Cc-Client-Secret-4711';
const JWT_CLIENT = 'jwt-app';
const WEB_CLIENT = 'web-app';
const WEB_SECRET = 'Web-Client-Secret-4712';
const REDIRECT = 'https://glue.partner.test/callback';
const USER = 'integration@partner.test';
const AUDIENCE = 'https://login.salesforce.com';



/** A port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('TestConnection (SALESFORCE) against the Salesforce fake', () => {
  let aws: StartedAwsEndpoint;
  let glue: GlueClient;
  let secrets: SecretsManagerClient;
  let sf: StartedSalesforceFake;
  const keys = generateRsaKeyPair();
  let secretCount = 0;

  beforeAll(async () => {
    aws = await new AwsEndpoint().withConnectTimeout(5_000).start();
    glue = new GlueClient(aws.getClientConfig());
    secrets = new SecretsManagerClient(aws.getClientConfig());
    sf = await new SalesforceFake()
      .withClient(CC_CLIENT, { secret: CC_SECRET })
      .withClient(JWT_CLIENT, { jwtPublicKeyPem: keys.publicKeyPem })
      .withClient(WEB_CLIENT, { secret: WEB_SECRET, redirectUris: [REDIRECT] })
      .withUser(USER)
      .withAuthorizationCode('aPrx-Code-Once-1', { clientId: WEB_CLIENT, redirectUri: REDIRECT })
      .start();
  });

  afterEach(() => sf?.resetHandlers());

  afterAll(async () => {
    glue?.destroy();
    secrets?.destroy();
    await Promise.all([sf?.stop(), aws?.stop()]);
  });

  async function secretArn(value: Record<string, string>): Promise<string> {
    const { ARN } = await secrets.send(new CreateSecretCommand({ Name: `glue/salesforce-${++secretCount}`, SecretString: JSON.stringify(value) }));
    return ARN!;
  }

  function oauth2(grant: 'CLIENT_CREDENTIALS' | 'JWT_BEARER' | 'AUTHORIZATION_CODE', extra: Partial<AuthenticationConfigurationInput> = {}, clientId = CC_CLIENT) {
    const { OAuth2Properties, ...rest } = extra;
    return {
      AuthenticationType: 'OAUTH2',
      ...rest,
      OAuth2Properties: {
        OAuth2GrantType: grant,
        TokenUrl: sf.getTokenUrl(),
        ...(grant === 'JWT_BEARER' ? {} : { OAuth2ClientApplication: { UserManagedClientApplicationClientId: clientId } }),
        ...OAuth2Properties,
      },
    } satisfies AuthenticationConfigurationInput;
  }

  function test(auth: AuthenticationConfigurationInput | undefined, properties: Record<string, string> = { INSTANCE_URL: sf.getInstanceUrl() }): Promise<TestConnectionCommandOutput> {
    return glue.send(
      new TestConnectionCommand({ TestConnectionInput: { ConnectionType: 'SALESFORCE', ConnectionProperties: properties, AuthenticationConfiguration: auth } }),
    );
  }

  async function recordText(requestId: string | undefined): Promise<string> {
    await vi.waitFor(() => expect(aws.getCall(requestId!)).toBeDefined());
    return JSON.stringify(aws.getCall(requestId!));
  }

  const lastOf = (kind: string) => sf.getTranscript().filter((entry) => entry.kind === kind).at(-1)?.detail;

  /** Lets the limits call through, remembering the bearer token Glue got. */
  function captureAccessTokens(): string[] {
    const tokens: string[] = [];
    sf.use(
      http.get('*/services/data/:version/limits', ({ request }) => {
        tokens.push(request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
      }),
    );
    return tokens;
  }

  describe('CLIENT_CREDENTIALS', () => {
    it('logs in with the client secret from SecretArn and calls the limits API; the record holds neither secret nor token', async () => {
      const tokens = captureAccessTokens();
      const arn = await secretArn({ USER_MANAGED_CLIENT_APPLICATION_CLIENT_SECRET: CC_SECRET });
      const result = await test(oauth2('CLIENT_CREDENTIALS', { SecretArn: arn }));
      expect(result.$metadata.httpStatusCode).toBe(200);
      const { $metadata, ...body } = result;
      expect(body).toEqual({});
      expect(lastOf('token')).toMatchObject({ grantType: 'client_credentials', clientId: CC_CLIENT, outcome: 'issued', status: 200 });
      expect(lastOf('api')).toMatchObject({ path: `/services/data/${SALESFORCE_API_VERSION}/limits`, session: 'valid', status: 200 });
      expect(tokens).toHaveLength(1);
      expect(tokens[0]!.length).toBeGreaterThan(10);
      const record = await recordText($metadata.requestId);
      expect(record).not.toContain(CC_SECRET);
      expect(record).not.toContain(tokens[0]);
    });

    it('logs in with an inline OAuth2Credentials client secret, which the record never holds', async () => {
      const result = await test(oauth2('CLIENT_CREDENTIALS', { OAuth2Properties: { OAuth2Credentials: { UserManagedClientApplicationClientSecret: CC_SECRET } } }));
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(await recordText(result.$metadata.requestId)).not.toContain(CC_SECRET);
    });

    it('reports a wrong secret with the token endpoint error invalid_client', async () => {
      const wrong = 'Wrong-Client-Secret-1';
      const error = await failure(test(oauth2('CLIENT_CREDENTIALS', { OAuth2Properties: { OAuth2Credentials: { UserManagedClientApplicationClientSecret: wrong } } })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(`OAuth2 token request to ${sf.getTokenUrl()} failed with HTTP 400: invalid_client: invalid client credentials`);
      expect(lastOf('token')).toMatchObject({ outcome: 'invalid_client', status: 400 });
      expect(await recordText(error.$metadata.requestId)).not.toContain(wrong);
    });

    it('sends TokenUrlParametersMap entries to the token endpoint', async () => {
      const seen: URLSearchParams[] = [];
      sf.use(
        http.post('*/services/oauth2/token', async ({ request }) => {
          const params = new URLSearchParams(new URL(request.url).search);
          for (const [name, value] of new URLSearchParams(await request.clone().text())) params.set(name, value);
          seen.push(params);
        }),
      );
      const result = await test(
        oauth2('CLIENT_CREDENTIALS', {
          OAuth2Properties: {
            OAuth2Credentials: { UserManagedClientApplicationClientSecret: CC_SECRET },
            TokenUrlParametersMap: { scope: 'api refresh_token', audience_hint: 'partner-org' },
          },
        }),
      );
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.get('scope')).toBe('api refresh_token');
      expect(seen[0]!.get('audience_hint')).toBe('partner-org');
      expect(seen[0]!.get('grant_type')).toBe('client_credentials');
      expect(seen[0]!.get('client_id')).toBe(CC_CLIENT);
    });
  });

  describe('JWT_BEARER', () => {
    const assertion = (expiresInSeconds?: number) =>
      createJwtAssertion({ privateKeyPem: keys.privateKeyPem, clientId: JWT_CLIENT, username: USER, audience: AUDIENCE, ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }) });

    it('logs in with a valid assertion from the secret; the record holds neither the JWT nor the token', async () => {
      const tokens = captureAccessTokens();
      const jwt = await assertion();
      const result = await test(oauth2('JWT_BEARER', { SecretArn: await secretArn({ JWT_TOKEN: jwt }) }));
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(lastOf('token')).toMatchObject({ grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', clientId: JWT_CLIENT, user: USER, outcome: 'issued' });
      const record = await recordText(result.$metadata.requestId);
      expect(record).not.toContain(jwt);
      // Each segment alone would still leak the claims or the signature.
      for (const segment of jwt.split('.')) expect(record).not.toContain(segment);
      expect(tokens).toHaveLength(1);
      expect(record).not.toContain(tokens[0]);
    });

    it('reports an expired assertion as invalid_grant', async () => {
      const jwt = await assertion(-60);
      const error = await failure(test(oauth2('JWT_BEARER', { SecretArn: await secretArn({ JWT_TOKEN: jwt }) })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`OAuth2 token request to ${sf.getTokenUrl()} failed with HTTP 400: invalid_grant: expired authorization code`);
      expect(await recordText(error.$metadata.requestId)).not.toContain(jwt);
    });
  });

  describe('AUTHORIZATION_CODE', () => {
    it('redeems the code once; a second TestConnection with the same code gets invalid_grant', async () => {
      const auth = oauth2(
        'AUTHORIZATION_CODE',
        {
          OAuth2Properties: {
            AuthorizationCodeProperties: { AuthorizationCode: 'aPrx-Code-Once-1', RedirectUri: REDIRECT },
            OAuth2Credentials: { UserManagedClientApplicationClientSecret: WEB_SECRET },
          },
        },
        WEB_CLIENT,
      );
      const first = await test(auth);
      expect(first.$metadata.httpStatusCode).toBe(200);
      expect(lastOf('token')).toMatchObject({ grantType: 'authorization_code', clientId: WEB_CLIENT, outcome: 'issued' });
      const second = await failure(test(auth));
      expect(second.name).toBe('InvalidInputException');
      expect(second.message).toBe(`OAuth2 token request to ${sf.getTokenUrl()} failed with HTTP 400: invalid_grant: expired authorization code`);
      for (const requestId of [first.$metadata.requestId, second.$metadata.requestId]) {
        const record = await recordText(requestId);
        expect(record).not.toContain('aPrx-Code-Once-1');
        expect(record).not.toContain(WEB_SECRET);
      }
    });
  });

  describe('configuration errors', () => {
    it('requires INSTANCE_URL', async () => {
      const error = await failure(test(oauth2('CLIENT_CREDENTIALS'), {}));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe('SALESFORCE connections require ConnectionProperties.INSTANCE_URL');
      // Nothing was sent to the token endpoint.
      expect(await recordText(error.$metadata.requestId)).not.toContain('oauth2-token-request');
    });

    it('requires a TokenUrl and an AuthenticationConfiguration', async () => {
      const noTokenUrl = await failure(test({ AuthenticationType: 'OAUTH2', OAuth2Properties: { OAuth2GrantType: 'CLIENT_CREDENTIALS' } }));
      expect(noTokenUrl.message).toBe('SALESFORCE connections require AuthenticationConfiguration.OAuth2Properties.TokenUrl');
      const noAuth = await failure(test(undefined));
      expect(noAuth.name).toBe('InvalidInputException');
      expect(noAuth.message).toBe('SALESFORCE connections require AuthenticationConfiguration');
    });

    it('refuses AuthenticationType BASIC', async () => {
      const error = await failure(test({ AuthenticationType: 'BASIC', BasicAuthenticationCredentials: { Username: 'u', Password: 'Basic-Pass-1' } }));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe('SALESFORCE connections support AuthenticationType OAUTH2, not BASIC');
      expect(await recordText(error.$metadata.requestId)).not.toContain('Basic-Pass-1');
    });

    it('refuses connection types other than JDBC and SALESFORCE', async () => {
      const error = await failure(
        glue.send(new TestConnectionCommand({ TestConnectionInput: { ConnectionType: 'MONGODB', ConnectionProperties: { CONNECTION_URL: 'mongodb://127.0.0.1:27017/db' } } })),
      );
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe('TestConnection is only available for the JDBC or SALESFORCE connection types, not MONGODB');
    });
  });

  describe('network and API failures', () => {
    it('reports a token URL on a closed port as unreachable', async () => {
      const tokenUrl = `http://127.0.0.1:${await closedPort()}/services/oauth2/token`;
      const error = await failure(
        test(oauth2('CLIENT_CREDENTIALS', { OAuth2Properties: { TokenUrl: tokenUrl, OAuth2Credentials: { UserManagedClientApplicationClientSecret: CC_SECRET } } })),
      );
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`Unable to reach ${tokenUrl}: ECONNREFUSED`);
      expect(await recordText(error.$metadata.requestId)).not.toContain(CC_SECRET);
    });

    it('reports a 401 INVALID_SESSION_ID from the API (a revoked token) with the Salesforce error code', async () => {
      // The fake's revokeAllTokens() only hits tokens issued before it; Glue gets a fresh one, so revoke at the API.
      const tokens: string[] = [];
      sf.use(
        http.get('*/services/data/:version/limits', ({ request }) => {
          tokens.push(request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
          return HttpResponse.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], { status: 401 });
        }),
      );
      const error = await failure(test(oauth2('CLIENT_CREDENTIALS', { OAuth2Properties: { OAuth2Credentials: { UserManagedClientApplicationClientSecret: CC_SECRET } } })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(
        `Salesforce API call to ${sf.getInstanceUrl()}/services/data/${SALESFORCE_API_VERSION}/limits failed with HTTP 401: INVALID_SESSION_ID: Session expired or invalid`,
      );
      expect(tokens).toHaveLength(1);
      const record = await recordText(error.$metadata.requestId);
      expect(record).not.toContain(tokens[0]);
      expect(record).not.toContain(CC_SECRET);
    });
  });
});
