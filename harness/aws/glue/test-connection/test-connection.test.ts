import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateConnectionCommand, GlueClient, TestConnectionCommand, type TestConnectionCommandOutput } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MysqlFake, PostgresFake, type StartedDbFake } from '../../../../fakes/db/index.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';
import { JDBC_PREFIX } from '../../messages/glue-messages.ts';
import { failure } from '../../testing/sdk-failure.ts';

const USER = 'u';
const PG_PASSWORD = 'Pg-Partner-Pass-1';
const MY_PASSWORD = 'My-Partner-Pass-1';
const WRONG_PASSWORD = 'Wrong-Pass-9876';
const START_TIMEOUT = 60_000;

const PKIX =
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';

type Properties = Record<string, string>;



/** An endpoint with its Glue and Secrets Manager clients, and these objects in its S3. */
async function startAws(connectTimeoutMs: number, objects: Record<string, string> = {}) {
  const builder = new AwsEndpoint().withConnectTimeout(connectTimeoutMs);
  for (const [location, body] of Object.entries(objects)) builder.withS3Object(location, body);
  const aws = await builder.start();
  const glue = new GlueClient(aws.getClientConfig());
  const secrets = new SecretsManagerClient(aws.getClientConfig());
  const test = (properties: Properties): Promise<TestConnectionCommandOutput> =>
    glue.send(new TestConnectionCommand({ TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: properties } }));
  const stop = async () => {
    glue.destroy();
    secrets.destroy();
    await aws.stop();
  };
  return { aws, glue, secrets, test, stop };
}

type Aws = Awaited<ReturnType<typeof startAws>>;

/** The call record lands just after the answer is sent. */
async function recordText(aws: StartedAwsEndpoint, requestId: string | undefined): Promise<string> {
  await vi.waitFor(() => expect(aws.getCall(requestId!)).toBeDefined());
  return JSON.stringify(aws.getCall(requestId!));
}

// Where the tests place each partner's root certificate, as a user uploads it for CUSTOM_JDBC_CERT.
const PG_ROOT = 's3://partner-certs/pg/root.pem';
const MY_ROOT = 's3://partner-certs/mysql/root.pem';
const NOT_PEM = 's3://partner-certs/not-a-certificate.txt';

describe('TestConnection (JDBC) against real engines', () => {
  let env: Aws;
  let pg: StartedDbFake;
  let my: StartedDbFake;

  beforeAll(async () => {
    [pg, my] = await Promise.all([
      new PostgresFake().withUser(USER, PG_PASSWORD).withDatabase('appdb', { owner: USER }).withTls().start(),
      new MysqlFake().withUser(USER, MY_PASSWORD).withDatabase('appdb', { owner: USER }).withTls().start(),
    ]);
    env = await startAws(10_000, { [PG_ROOT]: pg.getCertificatePem()!, [MY_ROOT]: my.getCertificatePem()!, [NOT_PEM]: 'hello' });
  }, START_TIMEOUT);

  afterAll(async () => {
    await Promise.all([pg?.stop(), my?.stop(), env?.stop()]);
  });

  const pgProps = (extra: Properties = {}): Properties => ({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), USERNAME: USER, PASSWORD: PG_PASSWORD, ...extra });
  const myProps = (extra: Properties = {}): Properties => ({ JDBC_CONNECTION_URL: my.getJdbcUrl('appdb'), USERNAME: USER, PASSWORD: MY_PASSWORD, ...extra });

  describe('PostgreSQL', () => {
    it('answers {} with HTTP 200 for a good login, and the record never holds the password', async () => {
      const result = await env.test(pgProps());
      expect(result.$metadata.httpStatusCode).toBe(200);
      const { $metadata, ...body } = result;
      expect(body).toEqual({});
      const record = await recordText(env.aws, $metadata.requestId);
      expect(record).not.toContain(PG_PASSWORD);
      expect(record).toContain('jdbc-login');
      // JDBC drivers default to TLS when the server offers it (sslmode=prefer).
      expect(record).toContain('"tls":true');
    });

    it('reports a wrong password with the Glue prefix and the PgJDBC server text, without the password', async () => {
      const error = await failure(env.test(pgProps({ PASSWORD: WRONG_PASSWORD })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(`${JDBC_PREFIX}FATAL: password authentication failed for user "${USER}"`);
      const record = await recordText(env.aws, error.$metadata.requestId);
      expect(record).not.toContain(WRONG_PASSWORD);
      expect(record).not.toContain(PG_PASSWORD);
    });

    it('reports an unknown database with the server text', async () => {
      const error = await failure(env.test(pgProps({ JDBC_CONNECTION_URL: pg.getJdbcUrl('nosuchdb') })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`${JDBC_PREFIX}FATAL: database "nosuchdb" does not exist`);
    });

    it('logs in with SECRET_ID holding {username, password}, by ARN or by name', async () => {
      const { ARN } = await env.secrets.send(
        new CreateSecretCommand({ Name: 'glue/pg-login', SecretString: JSON.stringify({ username: USER, password: PG_PASSWORD }) }),
      );
      const byArn = await env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), SECRET_ID: ARN! });
      expect(byArn.$metadata.httpStatusCode).toBe(200);
      const byName = await env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), SECRET_ID: 'glue/pg-login' });
      expect(byName.$metadata.httpStatusCode).toBe(200);
      expect(await recordText(env.aws, byName.$metadata.requestId)).not.toContain(PG_PASSWORD);
    });

    it('keeps a wrong password read from SECRET_ID out of the message and the record', async () => {
      await env.secrets.send(new CreateSecretCommand({ Name: 'glue/pg-wrong', SecretString: JSON.stringify({ username: USER, password: WRONG_PASSWORD }) }));
      const error = await failure(env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), SECRET_ID: 'glue/pg-wrong' }));
      expect(error.message).toBe(`${JDBC_PREFIX}FATAL: password authentication failed for user "${USER}"`);
      expect(await recordText(env.aws, error.$metadata.requestId)).not.toContain(WRONG_PASSWORD);
    });

    it('reports a SECRET_ID that does not exist', async () => {
      const error = await failure(env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), SECRET_ID: 'glue/missing' }));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe("Unable to retrieve secret glue/missing: Secrets Manager can't find the specified secret.");
    });

    it.each([
      ['not JSON', 'user=u;password=x'],
      ['JSON without password', JSON.stringify({ username: USER })],
      ['JSON with a numeric password', JSON.stringify({ username: USER, password: 12345678 })],
    ])('reports a SECRET_ID that is %s as a format error', async (label, value) => {
      const name = `glue/format-${label.replace(/\W+/g, '-')}`;
      await env.secrets.send(new CreateSecretCommand({ Name: name, SecretString: value }));
      const error = await failure(env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), SECRET_ID: name }));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`Secret ${name} must be a JSON object with username and password keys`);
    });

    it('accepts the HOST/PORT/JDBC_ENGINE form with DATABASE', async () => {
      const props = { HOST: pg.getHost(), PORT: String(pg.getPort()), JDBC_ENGINE: 'aurora-postgresql', DATABASE: 'appdb', USERNAME: USER, PASSWORD: PG_PASSWORD };
      expect((await env.test(props)).$metadata.httpStatusCode).toBe(200);
      const wrongDb = await failure(env.test({ ...props, DATABASE: 'otherdb' }));
      expect(wrongDb.message).toBe(`${JDBC_PREFIX}FATAL: database "otherdb" does not exist`);
    });

    it('rejects JDBC_ENGINE db2 as unsupported', async () => {
      const error = await failure(env.test({ HOST: pg.getHost(), PORT: String(pg.getPort()), JDBC_ENGINE: 'db2', USERNAME: USER, PASSWORD: PG_PASSWORD }));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`${JDBC_PREFIX}Unsupported JDBC_ENGINE db2`);
    });

    it('rejects a malformed JDBC_CONNECTION_URL with the parser reason', async () => {
      const url = `jdbc:postgresql://127.0.0.1:${pg.getPort()}`;
      const error = await failure(env.test(pgProps({ JDBC_CONNECTION_URL: url })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`${JDBC_PREFIX}Invalid JDBC URL ${url}: expected jdbc:postgresql://host:port/database`);
    });

    it('reports missing endpoint and credential properties', async () => {
      const noEndpoint = await failure(env.test({ HOST: '127.0.0.1', USERNAME: USER, PASSWORD: PG_PASSWORD }));
      expect(noEndpoint.message).toBe('JDBC connection properties must include JDBC_CONNECTION_URL, or all of HOST, PORT and JDBC_ENGINE');
      const noCredentials = await failure(env.test({ JDBC_CONNECTION_URL: pg.getJdbcUrl('appdb'), USERNAME: USER }));
      expect(noCredentials.message).toBe('JDBC connection properties must include USERNAME and PASSWORD, or SECRET_ID');
    });

    it('with JDBC_ENFORCE_SSL and no certificate fails the self-signed chain with the PKIX text', async () => {
      const error = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true' })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`${JDBC_PREFIX}${PKIX}`);
    });

    it('SKIP_CUSTOM_JDBC_CERT_VALIDATION skips only the custom certificate\'s validation, never the server chain', async () => {
      const error = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' })));
      expect(error.message).toBe(`${JDBC_PREFIX}${PKIX}`);
    });

    it('CUSTOM_JDBC_CERT: the partner\'s EC root is refused by Glue\'s validation, and trusted with SKIP_CUSTOM_JDBC_CERT_VALIDATION', async () => {
      const validated = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: PG_ROOT })));
      expect(validated.name).toBe('InvalidInputException');
      expect(validated.message).toBe(`CUSTOM_JDBC_CERT ${PG_ROOT} failed validation: signature algorithm SHA256withECDSA is not permitted`);
      const skipped = await env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: PG_ROOT, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' }));
      expect(skipped.$metadata.httpStatusCode).toBe(200);
    });

    it('CUSTOM_JDBC_CERT that is missing from S3 or not a PEM certificate', async () => {
      const missing = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: 's3://partner-certs/none.pem' })));
      expect(missing.message).toBe('Unable to read CUSTOM_JDBC_CERT s3://partner-certs/none.pem: The specified key does not exist.');
      const notPem = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: NOT_PEM })));
      expect(notPem.message).toBe(`CUSTOM_JDBC_CERT ${NOT_PEM} failed validation: it is not an X.509 certificate in PEM format`);
    });

    it('CUSTOM_JDBC_CERT_STRING is matched against the certificate\'s names', async () => {
      const trusted = { JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: PG_ROOT, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' };
      expect((await env.test(pgProps({ ...trusted, CUSTOM_JDBC_CERT_STRING: 'localhost' }))).$metadata.httpStatusCode).toBe(200);
      const error = await failure(env.test(pgProps({ ...trusted, CUSTOM_JDBC_CERT_STRING: 'db.partner.example' })));
      expect(error.message).toBe(`${JDBC_PREFIX}The hostname db.partner.example could not be verified by hostnameverifier PgjdbcHostnameVerifier.`);
    });

    it("with JDBC_ENFORCE_SSL rejects another server's certificate as the trust root", async () => {
      const error = await failure(env.test(pgProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: MY_ROOT, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' })));
      expect(error.message).toBe(`${JDBC_PREFIX}${PKIX}`);
    });

    it('tests a stored connection by ConnectionName, and refuses a name and an input together', async () => {
      await env.glue.send(new CreateConnectionCommand({ ConnectionInput: { Name: 'pg-stored', ConnectionType: 'JDBC', ConnectionProperties: pgProps() } }));
      const byName = await env.glue.send(new TestConnectionCommand({ ConnectionName: 'pg-stored' }));
      expect(byName.$metadata.httpStatusCode).toBe(200);
      const both = await failure(
        env.glue.send(new TestConnectionCommand({ ConnectionName: 'pg-stored', TestConnectionInput: { ConnectionType: 'JDBC', ConnectionProperties: pgProps() } })),
      );
      expect(both.name).toBe('InvalidInputException');
      expect(both.message).toBe('Provide either ConnectionName or TestConnectionInput, not both');
      const unknown = await failure(env.glue.send(new TestConnectionCommand({ ConnectionName: 'pg-never-stored' })));
      expect(unknown.name).toBe('EntityNotFoundException');
      expect(unknown.message).toBe('Connection pg-never-stored not found');
    });
  });

  describe('MySQL (MariaDB)', () => {
    it('answers {} for a good login', async () => {
      const result = await env.test(myProps());
      expect(result.$metadata.httpStatusCode).toBe(200);
      expect(await recordText(env.aws, result.$metadata.requestId)).not.toContain(MY_PASSWORD);
    });

    it('reports a wrong password with the server text, without the password', async () => {
      const error = await failure(env.test(myProps({ PASSWORD: WRONG_PASSWORD })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toMatch(new RegExp(`^${escape(JDBC_PREFIX)}Access denied for user '${USER}'@'[^']+' \\(using password: YES\\)$`));
      expect(await recordText(env.aws, error.$metadata.requestId)).not.toContain(WRONG_PASSWORD);
    });

    it('accepts HOST/PORT with JDBC_ENGINE mariadb and DATABASE', async () => {
      const props = { HOST: my.getHost(), PORT: String(my.getPort()), JDBC_ENGINE: 'mariadb', DATABASE: 'appdb', USERNAME: USER, PASSWORD: MY_PASSWORD };
      expect((await env.test(props)).$metadata.httpStatusCode).toBe(200);
    });

    it('with JDBC_ENFORCE_SSL trusts the root in CUSTOM_JDBC_CERT (its validation skipped)', async () => {
      const result = await env.test(myProps({ JDBC_ENFORCE_SSL: 'true', CUSTOM_JDBC_CERT: MY_ROOT, SKIP_CUSTOM_JDBC_CERT_VALIDATION: 'true' }));
      expect(result.$metadata.httpStatusCode).toBe(200);
    });

    it('with JDBC_ENFORCE_SSL and no certificate fails with the PKIX text', async () => {
      const error = await failure(env.test(myProps({ JDBC_ENFORCE_SSL: 'true' })));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(`${JDBC_PREFIX}${PKIX}`);
    });
  });

  describe('engines the harness cannot log in to', () => {
    it.each([
      ['sqlserver', 'jdbc:sqlserver://127.0.0.1:1433;databaseName=hr'],
      ['redshift', 'jdbc:redshift://127.0.0.1:5439/dev'],
      ['oracle', 'jdbc:oracle:thin://@127.0.0.1:1521/orclpdb'],
      ['snowflake', 'jdbc:snowflake://127.0.0.1/?db=sales&warehouse=wh'],
    ])('answers the engine-not-reachable message for %s', async (engine, url) => {
      const error = await failure(env.test({ JDBC_CONNECTION_URL: url, USERNAME: USER, PASSWORD: 'Any-Pass-1234' }));
      expect(error.name).toBe('InvalidInputException');
      expect(error.message).toBe(
        `partner-harness cannot log in to ${engine} databases: no ${engine} engine or driver is available here; test this connection with --mode aws`,
      );
      expect(await recordText(env.aws, error.$metadata.requestId)).not.toContain('Any-Pass-1234');
    });
  });
});

describe('TestConnection (JDBC) against network faults', () => {
  let env: Aws;
  let fast: Aws;
  const faults: StartedDbFake[] = [];
  let pgRefuse: StartedDbFake;
  let myRefuse: StartedDbFake;
  let pgHang: StartedDbFake;
  let myHang: StartedDbFake;

  beforeAll(async () => {
    [env, fast] = await Promise.all([startAws(5_000), startAws(300)]);
    [pgRefuse, myRefuse, pgHang, myHang] = await Promise.all([
      new PostgresFake().withFault({ kind: 'refuse' }).start(),
      new MysqlFake().withFault({ kind: 'refuse' }).start(),
      new PostgresFake().withFault({ kind: 'accept-hang' }).start(),
      new MysqlFake().withFault({ kind: 'accept-hang' }).start(),
    ]);
    faults.push(pgRefuse, myRefuse, pgHang, myHang);
  }, START_TIMEOUT);

  afterAll(async () => {
    await Promise.all([...faults.map((f) => f.stop()), env?.stop(), fast?.stop()]);
  });

  it('reports a refused PostgreSQL port with the PgJDBC text', async () => {
    const error = await failure(env.test({ JDBC_CONNECTION_URL: pgRefuse.getJdbcUrl('appdb'), USERNAME: USER, PASSWORD: PG_PASSWORD }));
    expect(error.name).toBe('InvalidInputException');
    expect(error.message).toBe(
      `${JDBC_PREFIX}Connection to 127.0.0.1:${pgRefuse.getPort()} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
    );
  });

  it('reports a refused MySQL port with the Connector/J text', async () => {
    const error = await failure(env.test({ JDBC_CONNECTION_URL: myRefuse.getJdbcUrl('appdb'), USERNAME: USER, PASSWORD: MY_PASSWORD }));
    expect(error.name).toBe('InvalidInputException');
    expect(error.message).toBe(
      `${JDBC_PREFIX}Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.`,
    );
  });

  it.each([
    ['PostgreSQL', () => pgHang, PG_PASSWORD],
    ['MySQL', () => myHang, MY_PASSWORD],
  ])('answers OperationTimeoutException when a %s port accepts and never answers', async (_label, fake, password) => {
    const hang = fake();
    const started = Date.now();
    const error = await failure(fast.test({ JDBC_CONNECTION_URL: hang.getJdbcUrl('appdb'), USERNAME: USER, PASSWORD: password }));
    expect(error.name).toBe('OperationTimeoutException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Test connection timed out after 0.3 seconds');
    // Where it waited and what to check is the harness's diagnosis, beside AWS's words.
    await vi.waitFor(() =>
      expect(fast.aws.getCall(error.$metadata.requestId!)?.diagnosis).toEqual([
        { code: 'database-timeout', text: `127.0.0.1:${hang.getPort()} did not answer within 0.3 s`, fix: expect.stringMatching(/subnet, security groups and routes/) },
      ]),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await recordText(fast.aws, error.$metadata.requestId)).not.toContain(password);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
