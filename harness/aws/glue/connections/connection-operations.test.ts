import {
  CreateConnectionCommand,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GetConnectionsCommand,
  GlueClient,
  UpdateConnectionCommand,
  type ConnectionInput,
} from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';
import { failure } from '../../testing/sdk-failure.ts';

let aws: StartedAwsEndpoint;
let glue: GlueClient;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
  glue = new GlueClient(aws.getClientConfig());
});

afterAll(async () => {
  glue?.destroy();
  await aws?.stop();
});



/** Names are unique per test so the shared endpoint's store never couples tests. */
let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${++counter}`;

function jdbcConnection(name: string, properties: Record<string, string> = {}): ConnectionInput {
  return {
    Name: name,
    ConnectionType: 'JDBC',
    ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.partner.test:5432/employee', USERNAME: 'loader', PASSWORD: 'Loader-Pass-1', ...properties },
  };
}

async function recordOf(requestId: string | undefined) {
  await vi.waitFor(() => expect(aws.getCall(requestId!)).toBeDefined());
  return aws.getCall(requestId!)!;
}

describe('CreateConnection', () => {
  it('answers READY and stores the connection as given', async () => {
    const name = uniqueName('create');
    const created = await glue.send(new CreateConnectionCommand({ ConnectionInput: { ...jdbcConnection(name), Description: 'partner db' } }));
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.CreateConnectionStatus).toBe('READY');
    const { Connection } = await glue.send(new GetConnectionCommand({ Name: name }));
    expect(Connection).toMatchObject({
      Name: name,
      Description: 'partner db',
      ConnectionType: 'JDBC',
      Status: 'READY',
      ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.partner.test:5432/employee', USERNAME: 'loader', PASSWORD: 'Loader-Pass-1' },
    });
    expect(Connection?.CreationTime).toBeInstanceOf(Date);
    expect(Connection?.LastUpdatedTime?.getTime()).toBe(Connection?.CreationTime?.getTime());
  });

  it('refuses a second connection with the same name', async () => {
    const name = uniqueName('duplicate');
    await glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name) }));
    const error = await failure(glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name, { USERNAME: 'other' }) })));
    expect(error.name).toBe('AlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Connection ${name} already exists`);
    // The first definition is untouched.
    const { Connection } = await glue.send(new GetConnectionCommand({ Name: name }));
    expect(Connection?.ConnectionProperties?.USERNAME).toBe('loader');
  });

  it('rejects a ConnectionInput without Name through model validation', async () => {
    const input = jdbcConnection('unused') as Partial<ConnectionInput>;
    delete input.Name;
    const error = await failure(glue.send(new CreateConnectionCommand({ ConnectionInput: input as ConnectionInput })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe("1 validation error detected: Value null at 'connectionInput.name' failed to satisfy constraint: Member must not be null");
  });

  it('rejects a PASSWORD over 1024 characters without quoting it', async () => {
    const password = `Secret-${'p'.repeat(1020)}`;
    const name = uniqueName('long-password');
    const error = await failure(glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name, { PASSWORD: password }) })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value at 'connectionInput.connectionProperties' failed to satisfy constraint: " +
        'Map value must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1]',
    );
    expect(error.message).not.toContain(password);
    const record = await recordOf(error.$metadata.requestId);
    expect(JSON.stringify(record)).not.toContain(password);
    expect((await failure(glue.send(new GetConnectionCommand({ Name: name })))).name).toBe('EntityNotFoundException');
  });
});

describe('GetConnection', () => {
  it('with HidePassword drops PASSWORD and ENCRYPTED_PASSWORD and keeps every other property', async () => {
    const name = uniqueName('hide');
    await glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name, { ENCRYPTED_PASSWORD: 'AQICAHh-encrypted', JDBC_ENFORCE_SSL: 'true' }) }));
    const hidden = await glue.send(new GetConnectionCommand({ Name: name, HidePassword: true }));
    expect(hidden.Connection?.ConnectionProperties).toEqual({
      JDBC_CONNECTION_URL: 'jdbc:postgresql://db.partner.test:5432/employee',
      USERNAME: 'loader',
      JDBC_ENFORCE_SSL: 'true',
    });
    const shown = await glue.send(new GetConnectionCommand({ Name: name, HidePassword: false }));
    expect(shown.Connection?.ConnectionProperties).toMatchObject({ PASSWORD: 'Loader-Pass-1', ENCRYPTED_PASSWORD: 'AQICAHh-encrypted' });
  });

  it('never echoes inline OAuth2Credentials or AuthorizationCodeProperties', async () => {
    const name = uniqueName('salesforce');
    await glue.send(
      new CreateConnectionCommand({
        ConnectionInput: {
          Name: name,
          ConnectionType: 'SALESFORCE',
          ConnectionProperties: { INSTANCE_URL: 'https://partner.my.salesforce.test' } as Record<string, string>,
          AuthenticationConfiguration: {
            AuthenticationType: 'OAUTH2',
            OAuth2Properties: {
              OAuth2GrantType: 'AUTHORIZATION_CODE',
              OAuth2ClientApplication: { UserManagedClientApplicationClientId: 'partner-app' },
              TokenUrl: 'https://login.salesforce.test/services/oauth2/token',
              AuthorizationCodeProperties: { AuthorizationCode: 'aPrxCode-123456', RedirectUri: 'https://app.partner.test/callback' },
              OAuth2Credentials: { UserManagedClientApplicationClientSecret: 'Client-Secret-987', AccessToken: 'Access-Token-555' },
            },
          },
        },
      }),
    );
    const got = await glue.send(new GetConnectionCommand({ Name: name }));
    expect(got.Connection?.AuthenticationConfiguration).toEqual({
      AuthenticationType: 'OAUTH2',
      OAuth2Properties: {
        OAuth2GrantType: 'AUTHORIZATION_CODE',
        OAuth2ClientApplication: { UserManagedClientApplicationClientId: 'partner-app' },
        TokenUrl: 'https://login.salesforce.test/services/oauth2/token',
      },
    });
    // The SDK drops members its output shape lacks, so check what went over the wire too.
    const record = await recordOf(got.$metadata.requestId);
    const wire = JSON.stringify(record.response);
    for (const leaked of ['OAuth2Credentials', 'AuthorizationCodeProperties', 'aPrxCode-123456', 'Client-Secret-987', 'Access-Token-555']) {
      expect(wire).not.toContain(leaked);
    }
    expect(wire).toContain('partner-app');
  });

  it('answers EntityNotFoundException for an unknown name', async () => {
    const error = await failure(glue.send(new GetConnectionCommand({ Name: 'never-created' })));
    expect(error.name).toBe('EntityNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Connection never-created not found');
  });
});

describe('GetConnections', () => {
  // Its own endpoint: listing sees every connection of the account.
  let listAws: StartedAwsEndpoint;
  let listGlue: GlueClient;

  beforeAll(async () => {
    listAws = await new AwsEndpoint().start();
    listGlue = new GlueClient(listAws.getClientConfig());
    for (const name of ['jdbc-a', 'jdbc-b', 'jdbc-c']) await listGlue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name) }));
    await listGlue.send(
      new CreateConnectionCommand({
        ConnectionInput: { Name: 'sftp-a', ConnectionType: 'SFTP', ConnectionProperties: { HOST: 'sftp.partner.test', PORT: '22' } },
      }),
    );
  });

  afterAll(async () => {
    listGlue?.destroy();
    await listAws?.stop();
  });

  it('filters by ConnectionType', async () => {
    const jdbc = await listGlue.send(new GetConnectionsCommand({ Filter: { ConnectionType: 'JDBC' } }));
    expect(jdbc.ConnectionList?.map((c) => c.Name).sort()).toEqual(['jdbc-a', 'jdbc-b', 'jdbc-c']);
    const sftp = await listGlue.send(new GetConnectionsCommand({ Filter: { ConnectionType: 'SFTP' } }));
    expect(sftp.ConnectionList?.map((c) => c.Name)).toEqual(['sftp-a']);
    expect(sftp.NextToken).toBeUndefined();
  });

  it('pages with MaxResults and NextToken until every connection is seen once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await listGlue.send(new GetConnectionsCommand({ MaxResults: 2, NextToken: token, HidePassword: true }));
      expect(page.ConnectionList!.length).toBeLessThanOrEqual(2);
      for (const c of page.ConnectionList!) expect(c.ConnectionProperties?.PASSWORD).toBeUndefined();
      seen.push(...page.ConnectionList!.map((c) => c.Name!));
      token = page.NextToken;
      pages++;
    } while (token);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual(['jdbc-a', 'jdbc-b', 'jdbc-c', 'sftp-a']);
  });

  it('answers InvalidInputException for a NextToken it never issued', async () => {
    const error = await failure(listGlue.send(new GetConnectionsCommand({ NextToken: 'not-a-token' })));
    expect(error.name).toBe('InvalidInputException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Invalid NextToken: not-a-token');
  });
});

describe('UpdateConnection and DeleteConnection', () => {
  it('renames a connection when ConnectionInput carries a new Name', async () => {
    const oldName = uniqueName('before');
    const newName = uniqueName('after');
    await glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(oldName) }));
    const before = await glue.send(new GetConnectionCommand({ Name: oldName }));
    const updated = await glue.send(new UpdateConnectionCommand({ Name: oldName, ConnectionInput: jdbcConnection(newName, { USERNAME: 'renamed' }) }));
    expect(updated.$metadata.httpStatusCode).toBe(200);
    const after = await glue.send(new GetConnectionCommand({ Name: newName }));
    expect(after.Connection?.ConnectionProperties?.USERNAME).toBe('renamed');
    expect(after.Connection?.CreationTime?.getTime()).toBe(before.Connection?.CreationTime?.getTime());
    expect((await failure(glue.send(new GetConnectionCommand({ Name: oldName })))).name).toBe('EntityNotFoundException');
  });

  it('answers EntityNotFoundException when updating a connection that does not exist', async () => {
    const name = uniqueName('ghost');
    const error = await failure(glue.send(new UpdateConnectionCommand({ Name: name, ConnectionInput: jdbcConnection(name) })));
    expect(error.name).toBe('EntityNotFoundException');
    expect(error.message).toBe(`Connection ${name} not found`);
  });

  it('deletes a connection; afterwards Get and a second Delete answer EntityNotFoundException (HTTP 400)', async () => {
    const name = uniqueName('delete');
    await glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name) }));
    const deleted = await glue.send(new DeleteConnectionCommand({ ConnectionName: name }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    const error = await failure(glue.send(new GetConnectionCommand({ Name: name })));
    expect(error.name).toBe('EntityNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe(`Connection ${name} not found`);
    expect((await failure(glue.send(new DeleteConnectionCommand({ ConnectionName: name })))).name).toBe('EntityNotFoundException');
  });
});

describe('call records of connection operations', () => {
  it('never contain the connection PASSWORD', async () => {
    const name = uniqueName('record');
    const created = await glue.send(new CreateConnectionCommand({ ConnectionInput: jdbcConnection(name, { PASSWORD: 'Record-Pass-42' }) }));
    const got = await glue.send(new GetConnectionCommand({ Name: name }));
    for (const requestId of [created.$metadata.requestId, got.$metadata.requestId]) {
      expect(JSON.stringify(await recordOf(requestId))).not.toContain('Record-Pass-42');
    }
  });

  it('never contain an inline client secret or authorization code given to CreateConnection', async () => {
    const name = uniqueName('record-oauth');
    const created = await glue.send(
      new CreateConnectionCommand({
        ConnectionInput: {
          Name: name,
          ConnectionType: 'SALESFORCE',
          ConnectionProperties: { INSTANCE_URL: 'https://partner.my.salesforce.test' } as Record<string, string>,
          AuthenticationConfiguration: {
            AuthenticationType: 'OAUTH2',
            OAuth2Properties: {
              OAuth2GrantType: 'AUTHORIZATION_CODE',
              TokenUrl: 'https://login.salesforce.test/services/oauth2/token',
              AuthorizationCodeProperties: { AuthorizationCode: 'Record-Code-77', RedirectUri: 'https://app.partner.test/callback' },
              OAuth2Credentials: { UserManagedClientApplicationClientSecret: 'Record-Client-Secret-77' },
            },
          },
        },
      }),
    );
    const recorded = JSON.stringify(await recordOf(created.$metadata.requestId));
    expect(recorded).not.toContain('Record-Client-Secret-77');
    expect(recorded).not.toContain('Record-Code-77');
  });
});
