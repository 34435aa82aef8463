// (b) The consumer's own vitest suite: the kit's fixtures and matchers, type-checked by (d) too.
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { CreateConnectorCommand, TestConnectionCommand } from '@aws-sdk/client-transfer';
import { expect, test } from 'partner-harness/vitest';

test('our connector logs in to the partner, and an unknown connector is refused', async ({ aws, sftpPartner, sftpPartnerUser }) => {
  const secret = await aws.secretsManager.send(
    new CreateSecretCommand({ Name: 'partner', SecretString: JSON.stringify({ Username: sftpPartnerUser.name, Password: sftpPartnerUser.password }) }),
  );
  const { ConnectorId } = await aws.transfer.send(
    new CreateConnectorCommand({
      Url: sftpPartner.getUrl(),
      AccessRole: 'arn:aws:iam::000000000000:role/connector',
      SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: [sftpPartner.getHostKey()] },
    }),
  );
  expect(await aws.transfer.send(new TestConnectionCommand({ ConnectorId }))).toHaveTestConnectionStatus('OK', 'Connection succeeded');
  await expect(aws.transfer.send(new TestConnectionCommand({ ConnectorId: 'c-0123456789abcdef0' }))).toRejectWithAwsError('ResourceNotFoundException');
});

test('a partner with another host key fails the connector with AWS’s words', async ({ aws, sftpPartner, sftpPartnerUser }) => {
  const secret = await aws.secretsManager.send(
    new CreateSecretCommand({ Name: 'other', SecretString: JSON.stringify({ Username: sftpPartnerUser.name, Password: sftpPartnerUser.password }) }),
  );
  const { ConnectorId } = await aws.transfer.send(
    new CreateConnectorCommand({
      Url: sftpPartner.getUrl(),
      AccessRole: 'arn:aws:iam::000000000000:role/connector',
      // A key the partner does not hold.
      SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: ['ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBHfuiY0NT+wT82Hu2wXZjkpfi3DxBqVNus1hNRqfGNXveLJtLFIUPYPGIu8k2tsL6RTQPXXciilDE0e8lRqHLc8='] },
    }),
  );
  expect(await aws.transfer.send(new TestConnectionCommand({ ConnectorId }))).toHaveTestConnectionStatus('ERROR', /host key/i);
});

test('under the config the plugin names, the aws fixture answers with the observed texts', async ({ aws }) => {
  await expect(aws.transfer.send(new TestConnectionCommand({ ConnectorId: 'c-0123456789abcdef0' }))).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
    message: 'Connector c-0123456789abcdef0 was not found (observed)',
  });
});
