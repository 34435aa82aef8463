// (a) Plain Node, no test runner: a consumer starts an SFTP fake and the emulated endpoint from
// the installed package and asks TestConnection through the real AWS SDK.
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateConnectorCommand, TestConnectionCommand, TransferClient } from '@aws-sdk/client-transfer';
import { AwsEndpoint } from 'partner-harness/aws';
import { SftpFake } from 'partner-harness/fakes';

// Node 20 has no `await using`: stop() on every path instead.
const partner = await new SftpFake().withUser('acme', { password: 'consumer-Password-1' }).start();
const aws = await new AwsEndpoint().start();
const secrets = new SecretsManagerClient(aws.getClientConfig());
const transfer = new TransferClient(aws.getClientConfig());
try {
  const secret = await secrets.send(new CreateSecretCommand({ Name: 'acme', SecretString: JSON.stringify({ Username: 'acme', Password: 'consumer-Password-1' }) }));
  const { ConnectorId } = await transfer.send(
    new CreateConnectorCommand({
      Url: partner.getUrl(),
      AccessRole: 'arn:aws:iam::000000000000:role/acme',
      SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: [partner.getHostKey()] },
    }),
  );
  const answer = await transfer.send(new TestConnectionCommand({ ConnectorId }));
  console.log(JSON.stringify({ Status: answer.Status, StatusMessage: answer.StatusMessage }));
} finally {
  secrets.destroy();
  transfer.destroy();
  await partner.stop();
  await aws.stop();
}
