import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsEndpoint } from '../aws/index.ts';
import { AwsClients } from './aws-clients.ts';
import { CreatedResources } from './created-resources.ts';

// Mode aws takes credentials from the SDK's default chain: the environment's, here.
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
});
afterEach(() => vi.unstubAllEnvs());

describe('CreatedResources', () => {
  it('deletes what was created, newest first, and takes an already deleted resource as deleted', async () => {
    await using aws = await new AwsEndpoint().start();
    const clients = new AwsClients({ mode: 'aws', endpoint: aws.getUrl(), region: 'us-east-1' });
    try {
      const created = new CreatedResources();
      const secretInput = { Name: 'partners/acme', SecretString: '{"Username":"u","Password":"p"}' };
      const secret = (await clients.call('secretsmanager', 'CreateSecret', secretInput)).response!;
      created.add('given.secrets.acme', 'secretsmanager', 'CreateSecret', secretInput, secret);
      const connectorInput = { Url: 'sftp://127.0.0.1:2222', AccessRole: 'arn:aws:iam::000000000000:role/r', SftpConfig: { UserSecretId: secret.ARN } };
      const connector = (await clients.call('transfer', 'CreateConnector', connectorInput)).response!;
      created.add('given.connectors.acme', 'transfer', 'CreateConnector', connectorInput, connector);
      const glueInput = { ConnectionInput: { Name: 'orders', ConnectionType: 'JDBC', ConnectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://h:5432/d' } } };
      await clients.call('glue', 'CreateConnection', glueInput);
      created.add('given.glueConnections.orders', 'glue', 'CreateConnection', glueInput, {});
      // Not a creation: nothing to delete.
      created.add('when', 'transfer', 'TestConnection', { ConnectorId: connector.ConnectorId }, {});
      await clients.call('glue', 'DeleteConnection', { ConnectionName: 'orders' });
      const before = aws.getCalls().length;

      expect(await created.deleteAll(clients)).toEqual([]);
      expect(aws.getCalls().slice(before).map((call) => `${call.operation}${call.error ? ` ${call.error.type}` : ''}`)).toEqual(['DeleteConnection EntityNotFoundException', 'DeleteConnector', 'DeleteSecret']);
      expect((await clients.call('transfer', 'ListConnectors', {})).response!.Connectors).toEqual([]);
      expect((await clients.call('secretsmanager', 'ListSecrets', {})).response!.SecretList).toEqual([]);
      expect(await created.deleteAll(clients)).toEqual([]);
    } finally {
      clients.destroy();
    }
  });

  it('says what it could not delete and what to delete by hand', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const clients = new AwsClients({ mode: 'aws', endpoint: `http://127.0.0.1:${closed}`, region: 'us-east-1' });
    try {
      const created = new CreatedResources();
      created.add('given.connectors.acme', 'transfer', 'CreateConnector', {}, { ConnectorId: 'c-0123456789abcdef0' });
      created.add('given.servers.sftp', 'transfer', 'CreateServer', {}, {});
      expect(await created.deleteAll(clients)).toEqual([
        expect.stringMatching(/^given\.connectors\.acme: transfer:DeleteConnector failed with Error: connect ECONNREFUSED .*; delete \{"ConnectorId":"c-0123456789abcdef0"\} yourself$/),
      ]);
    } finally {
      clients.destroy();
    }
  });
});
