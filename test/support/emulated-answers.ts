import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateConnectorCommand, TestConnectionCommand, TransferClient } from '@aws-sdk/client-transfer';
import { AwsEndpoint, connectorSecurityPolicies } from '../../harness/aws/index.ts';

/**
 * What a fresh emulated endpoint answers, through the SDK, to TestConnection for a connector to
 * `url` under each security policy, with this login and these trusted keys: what probe's policy
 * matrix must equal.
 */
export async function emulatedAnswers(
  url: string,
  login: { username: string; password?: string; privateKey?: string },
  trustedHostKeys: string[],
): Promise<Array<{ name: string; status?: string; statusMessage?: string }>> {
  await using aws = await new AwsEndpoint().start();
  const secrets = new SecretsManagerClient(aws.getClientConfig());
  const transfer = new TransferClient(aws.getClientConfig());
  try {
    const secret = await secrets.send(new CreateSecretCommand({ Name: login.username, SecretString: JSON.stringify({ Username: login.username, ...(login.password ? { Password: login.password } : {}), ...(login.privateKey ? { PrivateKey: login.privateKey } : {}) }) }));
    const answers = [];
    for (const name of Object.keys(connectorSecurityPolicies)) {
      const { ConnectorId } = await transfer.send(
        new CreateConnectorCommand({ Url: url, AccessRole: 'arn:aws:iam::000000000000:role/probe', SecurityPolicyName: name, SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: trustedHostKeys } }),
      );
      const answer = await transfer.send(new TestConnectionCommand({ ConnectorId }));
      answers.push({ name, status: answer.Status, statusMessage: answer.StatusMessage });
    }
    return answers;
  } finally {
    secrets.destroy();
    transfer.destroy();
  }
}
