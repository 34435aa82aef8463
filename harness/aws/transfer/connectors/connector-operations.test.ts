import {
  CreateConnectorCommand,
  DeleteConnectorCommand,
  DescribeConnectorCommand,
  ListConnectorsCommand,
  TransferClient,
  UpdateConnectorCommand,
  type CreateConnectorCommandInput,
} from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSshKey } from '../../../../fakes/sftp/index.ts';
import { AwsEndpoint, DEFAULT_CONNECTOR_SECURITY_POLICY, type StartedAwsEndpoint } from '../../index.ts';
import { MessageCatalogue } from '../../messages/message-catalogue.ts';
import { allMessages } from '../../messages/all-messages.ts';
import { ServiceModel } from '../../model/service-model.ts';
import { formatValidationMessage, validateInput } from '../../model/validate-input.ts';
import { failure } from '../../testing/sdk-failure.ts';

const catalogue = new MessageCatalogue(allMessages);
const ROLE = 'arn:aws:iam::000000000000:role/connector';
const SECRET = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:partner-AbCdEf';

let aws: StartedAwsEndpoint;
let client: TransferClient;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
  client = new TransferClient(aws.getClientConfig());
});

afterAll(async () => {
  client?.destroy();
  await aws?.stop();
});



function sftpConnector(overrides: Partial<CreateConnectorCommandInput> = {}): CreateConnectorCommandInput {
  return { Url: 'sftp://partner.example.com:2222', AccessRole: ROLE, SftpConfig: { UserSecretId: SECRET }, ...overrides };
}

async function create(overrides: Partial<CreateConnectorCommandInput> = {}): Promise<string> {
  const { ConnectorId } = await client.send(new CreateConnectorCommand(sftpConnector(overrides)));
  return ConnectorId!;
}

describe('Transfer connector operations through the SDK', () => {
  it('creates a connector with an AWS-format id and ARN and the default security policy', async () => {
    const id = await create();
    expect(id).toMatch(/^c-[0-9a-f]{17}$/);
    const { Connector } = await client.send(new DescribeConnectorCommand({ ConnectorId: id }));
    const { region } = aws.getClientConfig();
    expect(Connector).toMatchObject({
      ConnectorId: id,
      Arn: `arn:aws:transfer:${region}:000000000000:connector/${id}`,
      Url: 'sftp://partner.example.com:2222',
      AccessRole: ROLE,
      SecurityPolicyName: 'TransferSFTPConnectorSecurityPolicy-2024-03',
      SftpConfig: { UserSecretId: SECRET },
      Status: 'ACTIVE',
    });
    expect(DEFAULT_CONNECTOR_SECURITY_POLICY).toBe(Connector!.SecurityPolicyName);
  });

  it('gives every connector its own id', async () => {
    const ids = await Promise.all([create(), create(), create()]);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps an explicit security policy', async () => {
    const id = await create({ SecurityPolicyName: 'TransferSFTPConnectorSecurityPolicy-2023-07' });
    const { Connector } = await client.send(new DescribeConnectorCommand({ ConnectorId: id }));
    expect(Connector?.SecurityPolicyName).toBe('TransferSFTPConnectorSecurityPolicy-2023-07');
  });

  it('merges SftpConfig on UpdateConnector and leaves other fields alone', async () => {
    const hostKey = generateSshKey('ecdsa-sha2-nistp256').publicKey;
    const id = await create({ SftpConfig: { UserSecretId: SECRET, MaxConcurrentConnections: 3 } });
    await client.send(new UpdateConnectorCommand({ ConnectorId: id, SftpConfig: { TrustedHostKeys: [hostKey] } }));
    const { Connector } = await client.send(new DescribeConnectorCommand({ ConnectorId: id }));
    expect(Connector?.SftpConfig).toEqual({ UserSecretId: SECRET, MaxConcurrentConnections: 3, TrustedHostKeys: [hostKey] });
    expect(Connector?.Url).toBe('sftp://partner.example.com:2222');
    expect(Connector?.AccessRole).toBe(ROLE);
  });

  it('replaces top-level fields on UpdateConnector', async () => {
    const id = await create();
    const newRole = 'arn:aws:iam::000000000000:role/other';
    await client.send(new UpdateConnectorCommand({ ConnectorId: id, Url: 'sftp://other.example.com', AccessRole: newRole }));
    const { Connector } = await client.send(new DescribeConnectorCommand({ ConnectorId: id }));
    expect(Connector).toMatchObject({ Url: 'sftp://other.example.com', AccessRole: newRole, SftpConfig: { UserSecretId: SECRET } });
  });

  it('deletes a connector; afterwards every call on it is ResourceNotFoundException with Resource and ResourceType', async () => {
    const id = await create();
    await client.send(new DeleteConnectorCommand({ ConnectorId: id }));
    const calls = [
      () => client.send(new DescribeConnectorCommand({ ConnectorId: id })),
      () => client.send(new DeleteConnectorCommand({ ConnectorId: id })),
      () => client.send(new UpdateConnectorCommand({ ConnectorId: id, Url: 'sftp://x.example.com' })),
    ];
    for (const call of calls) {
      const error = await failure(call());
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe(catalogue.get('transfer.connector.not-found').text);
      expect(error.Resource).toBe(id);
      expect(error.ResourceType).toBe('Connector');
    }
  });

  it('answers a missing AccessRole with the model validation message', async () => {
    const input = { Url: 'sftp://partner.example.com', SftpConfig: { UserSecretId: SECRET } };
    const error = await failure(client.send(new CreateConnectorCommand(input as CreateConnectorCommandInput)));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    const { violations } = validateInput(ServiceModel.forService('transfer'), 'CreateConnector', input);
    expect(error.message).toBe(formatValidationMessage(violations));
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'accessRole' failed to satisfy constraint: Member must not be null",
    );
  });

  it('rejects a trusted host key followed by a comment with "Invalid host key format."', async () => {
    const withComment = `${generateSshKey('ecdsa-sha2-nistp256').publicKey} partner@example.com`;
    const error = await failure(create({ SftpConfig: { UserSecretId: SECRET, TrustedHostKeys: [withComment] } }));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Invalid host key format.');
  });

  it('rejects the same bad host key on UpdateConnector and keeps the old keys', async () => {
    const good = generateSshKey('ecdsa-sha2-nistp256').publicKey;
    const id = await create({ SftpConfig: { UserSecretId: SECRET, TrustedHostKeys: [good] } });
    const error = await failure(
      client.send(new UpdateConnectorCommand({ ConnectorId: id, SftpConfig: { TrustedHostKeys: [`${good} comment`] } })),
    );
    expect(error.message).toBe('Invalid host key format.');
    const { Connector } = await client.send(new DescribeConnectorCommand({ ConnectorId: id }));
    expect(Connector?.SftpConfig?.TrustedHostKeys).toEqual([good]);
  });

  it('rejects an ed25519 trusted host key as an unsupported type', async () => {
    const ed25519 = generateSshKey('ssh-ed25519').publicKey;
    const error = await failure(create({ SftpConfig: { UserSecretId: SECRET, TrustedHostKeys: [ed25519] } }));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(catalogue.render('transfer.connector.unsupported-host-key-type', { keyType: 'ssh-ed25519' }).text);
    expect(error.message).toContain('ssh-ed25519');
  });

  it('rejects a security policy that does not exist', async () => {
    const name = 'TransferSFTPConnectorSecurityPolicy-1999-01';
    const error = await failure(create({ SecurityPolicyName: name }));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(`Security policy ${name} does not exist`);
  });

  it.each(['http://partner.example.com', 'sftp://', 'sftp://host:70000', 'partner.example.com'])('rejects the URL %s', async (url) => {
    const error = await failure(create({ Url: url }));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(catalogue.render('transfer.connector.invalid-url', { url }).text);
  });

  it('accepts an sftp URL with an IPv6 literal and a default port', async () => {
    const id = await create({ Url: 'sftp://[::1]' });
    expect(id).toMatch(/^c-/);
  });

  it('rejects an SFTP connector without a UserSecretId or without a Url', async () => {
    const noSecret = await failure(create({ SftpConfig: {} }));
    expect(noSecret.message).toBe(catalogue.get('transfer.connector.secret-required').text);
    const noUrl = await failure(create({ Url: undefined }));
    expect(noUrl.message).toBe(catalogue.get('transfer.connector.url-required').text);
  });

  it('pages ListConnectors with MaxResults and NextToken', async () => {
    const own = aws.getClientConfig();
    const endpoint = await new AwsEndpoint().start();
    const fresh = new TransferClient(endpoint.getClientConfig());
    try {
      const created = [];
      for (let i = 0; i < 5; i++) {
        created.push((await fresh.send(new CreateConnectorCommand(sftpConnector()))).ConnectorId!);
      }
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let token: string | undefined;
      do {
        const page = await fresh.send(new ListConnectorsCommand({ MaxResults: 2, NextToken: token }));
        pageSizes.push(page.Connectors!.length);
        for (const c of page.Connectors!) {
          expect(c.Arn).toBe(`arn:aws:transfer:${own.region}:000000000000:connector/${c.ConnectorId}`);
          seen.push(c.ConnectorId!);
        }
        token = page.NextToken;
      } while (token);
      expect(pageSizes).toEqual([2, 2, 1]);
      expect(seen).toEqual(created);
    } finally {
      fresh.destroy();
      await endpoint.stop();
    }
  });
});

describe('rules checked on update and list', () => {
  it('rejects an UpdateConnector Url that is not sftp:// even without SftpConfig in the request', async () => {
    const id = await create();
    const error = await failure(client.send(new UpdateConnectorCommand({ ConnectorId: id, Url: 'http://example.com' })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(catalogue.render('transfer.connector.invalid-url', { url: 'http://example.com' }).text);
  });

  it('answers InvalidNextTokenException for a token it never issued', async () => {
    const error = await failure(client.send(new ListConnectorsCommand({ NextToken: 'garbage' })));
    expect(error.name).toBe('InvalidNextTokenException');
    expect(error.message).toBe('Invalid NextToken: garbage');
  });
});
