import { CreateConnectorCommand, DescribeConnectorCommand, TestConnectionCommand, TransferClient, UpdateConnectorCommand } from '@aws-sdk/client-transfer';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { generateSshKey } from '../../../../core/ssh/index.ts';
import { AwsEndpoint } from '../../aws-endpoint.ts';
import { failure } from '../../testing/sdk-failure.ts';

const EGRESS = { VpcLattice: { ResourceConfigurationArn: 'arn:aws:vpc-lattice:us-east-1:000000000000:resourceconfiguration/rcfg-0123456789abcdef0', PortNumber: 22 } };
const KEY = generateSshKey('ecdsa-sha2-nistp256', 'vpc-lattice-test').publicKey;

describe('VPC_LATTICE connectors', () => {
  it('stay PENDING for the configured time after CreateConnector, and TestConnection answers "Connector not available" meanwhile', async () => {
    await using aws = await new AwsEndpoint().withOptions({ vpcLatticeConnectorPendingMs: 400 }).start();
    const transfer = new TransferClient(aws.getClientConfig());
    const secrets = new SecretsManagerClient(aws.getClientConfig());
    try {
      const secret = await secrets.send(new CreateSecretCommand({ Name: 'partner', SecretString: JSON.stringify({ Username: 'u', Password: 'p' }) }));
      const { ConnectorId } = await transfer.send(
        new CreateConnectorCommand({ AccessRole: 'arn:aws:iam::000000000000:role/c', EgressConfig: EGRESS, SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: [KEY] } }),
      );
      const described = await transfer.send(new DescribeConnectorCommand({ ConnectorId }));
      expect(described.Connector).toMatchObject({ EgressType: 'VPC_LATTICE', Status: 'PENDING' });
      const pending = await transfer.send(new TestConnectionCommand({ ConnectorId }));
      expect(pending).toMatchObject({ Status: 'ERROR', StatusMessage: 'Connector not available' });
      expect(aws.getCall(pending.$metadata.requestId!)?.diagnosis[0]?.code).toBe('connector-pending');
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await transfer.send(new DescribeConnectorCommand({ ConnectorId }))).Connector?.Status).toBe('ACTIVE');
      expect((await transfer.send(new TestConnectionCommand({ ConnectorId }))).StatusMessage).not.toBe('Connector not available');
    } finally {
      transfer.destroy();
      secrets.destroy();
    }
  });

  it('take TrustedHostKeys as key-type key-body only, never with the host name in front (API_SftpConnectorConfig)', async () => {
    await using aws = await new AwsEndpoint().start();
    const transfer = new TransferClient(aws.getClientConfig());
    try {
      const base = { AccessRole: 'arn:aws:iam::000000000000:role/c', SftpConfig: { UserSecretId: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:x', TrustedHostKeys: [`sftp.partner.example ${KEY}`] } };
      const lattice = await failure(transfer.send(new CreateConnectorCommand({ ...base, EgressConfig: EGRESS })));
      expect(lattice).toMatchObject({ name: 'InvalidRequestException', message: 'Invalid host key format.' });
      // A service-managed connector takes the ssh-keyscan line as older docs told users to paste it.
      const { ConnectorId } = await transfer.send(new CreateConnectorCommand({ ...base, Url: 'sftp://sftp.partner.example' }));
      expect((await transfer.send(new DescribeConnectorCommand({ ConnectorId }))).Connector).toMatchObject({ EgressType: 'SERVICE_MANAGED', Status: 'ACTIVE' });
      const update = await failure(transfer.send(new UpdateConnectorCommand({ ConnectorId, EgressConfig: EGRESS })));
      expect(update.message).toBe('Invalid host key format.');
    } finally {
      transfer.destroy();
    }
  });
});
