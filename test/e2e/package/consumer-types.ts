// (d) The consumer's own strict tsc (skipLibCheck false) over code that uses every public entry.
import { CreateConnectorCommand, TransferClient } from '@aws-sdk/client-transfer';
import { defineScenario } from 'partner-harness';
import { AwsEndpoint, type StartedAwsEndpoint } from 'partner-harness/aws';
import { SftpFake, type StartedSftpFake } from 'partner-harness/fakes';

export const scenario = defineScenario({
  name: 'an unknown connector',
  when: { operation: 'transfer:TestConnection', input: { ConnectorId: 'c-0123456789abcdef0' } },
  then: { error: 'ResourceNotFoundException' },
});

export async function connect(): Promise<string | undefined> {
  const partner: StartedSftpFake = await new SftpFake().withUser('acme', { password: 'pw' }).start();
  const aws: StartedAwsEndpoint = await new AwsEndpoint().start();
  const transfer = new TransferClient(aws.getClientConfig());
  const created = await transfer.send(
    new CreateConnectorCommand({ Url: partner.getUrl(), AccessRole: 'arn:aws:iam::000000000000:role/acme', SftpConfig: { TrustedHostKeys: [partner.getHostKey()] } }),
  );
  await partner.stop();
  await aws.stop();
  return created.ConnectorId;
}
