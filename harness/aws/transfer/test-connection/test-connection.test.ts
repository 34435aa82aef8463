import { CreateSecretCommand, DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateConnectorCommand, TestConnectionCommand, TransferClient, type CreateConnectorCommandInput } from '@aws-sdk/client-transfer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SftpFake } from '../../../../fakes/sftp/index.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';

const ROLE = 'arn:aws:iam::000000000000:role/connector';

let aws: StartedAwsEndpoint;
let secrets: SecretsManagerClient;
let transfer: TransferClient;

beforeEach(async () => {
  aws = await new AwsEndpoint().withConnectTimeout(5000).start();
  secrets = new SecretsManagerClient(aws.getClientConfig());
  transfer = new TransferClient(aws.getClientConfig());
});

afterEach(async () => {
  secrets?.destroy();
  transfer?.destroy();
  await aws?.stop();
});

async function secret(name: string, value: Record<string, unknown>): Promise<string> {
  return (await secrets.send(new CreateSecretCommand({ Name: name, SecretString: JSON.stringify(value) }))).ARN!;
}

async function connector(url: string, secretArn: string, extra: Partial<CreateConnectorCommandInput> = {}): Promise<string> {
  const input: CreateConnectorCommandInput = { Url: url, AccessRole: ROLE, SftpConfig: { UserSecretId: secretArn }, ...extra };
  return (await transfer.send(new CreateConnectorCommand(input))).ConnectorId!;
}

describe('TestConnection', () => {
  it('reports a PrivateKey that is not a key before connecting anywhere', async () => {
    const arn = await secret('partner/bad-key', { Username: 'partner', PrivateKey: 'this is not an SSH private key' });
    // Port 1 is never reached: the check happens before any connection.
    const id = await connector('sftp://127.0.0.1:1', arn);
    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result).toMatchObject({
      ConnectorId: id,
      Status: 'ERROR',
      StatusMessage: 'Private key not found',
    });
    expect(result.SftpConnectionDetails).toBeUndefined();
    await vi.waitFor(() => expect(aws.getCall(result.$metadata.requestId!)).toBeDefined());
    const call = aws.getCall(result.$metadata.requestId!);
    expect(call?.transcript.map((entry) => entry.kind)).not.toContain('connect');
  });

  it('reports a secret scheduled for deletion as a secret access failure', async () => {
    const arn = await secret('partner/deleted', { Username: 'partner', Password: 'Partner-Pass-1' });
    const id = await connector('sftp://127.0.0.1:1', arn);
    await secrets.send(new DeleteSecretCommand({ SecretId: arn, RecoveryWindowInDays: 7 }));
    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result.Status).toBe('ERROR');
    expect(result.StatusMessage).toBe('Cannot access secret manager');
    expect(aws.getCall(result.$metadata.requestId!)?.diagnosis[0]?.text).toBe(`secret ${arn} is marked for deletion`);
  });

  it('reports a Password that is not a string as a badly formatted secret, not a server error', async () => {
    const arn = await secret('partner/numeric-password', { Username: 'partner', Password: 12345678 });
    const id = await connector('sftp://127.0.0.1:1', arn);
    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result.$metadata.httpStatusCode).toBe(200);
    expect(result.StatusMessage).toBe('Private key not found');
    expect(aws.getCall(result.$metadata.requestId!)?.diagnosis[0]?.text).toBe(`the Password in secret ${arn} is not a string`);
  });

  it('names both kex lists when the FIPS policy meets a curve25519-only partner', async () => {
    await using sftp = await new SftpFake()
      .withUser('partner', { password: 'Partner-Pass-1' })
      .withAlgorithms({ kex: ['curve25519-sha256'] })
      .start();
    const arn = await secret('partner/fips', { Username: 'partner', Password: 'Partner-Pass-1' });
    const id = await connector(sftp.getUrl(), arn, {
      SecurityPolicyName: 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10',
      SftpConfig: { UserSecretId: arn, TrustedHostKeys: [sftp.getHostKey()] },
    });
    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result.Status).toBe('ERROR');
    expect(result.StatusMessage).toBe(
      'Key exchange negotiation failed due to incompatible key exchange algorithms. ' +
        'Client offered: [ecdh-sha2-nistp256, ecdh-sha2-nistp384, ecdh-sha2-nistp521] Server offered: [curve25519-sha256]',
    );
    // Negotiation failed before the server proved its host key.
    expect(result.SftpConnectionDetails).toBeUndefined();
    await vi.waitFor(() => expect(aws.getCall(result.$metadata.requestId!)).toBeDefined());
    expect(aws.getCall(result.$metadata.requestId!)!.messages.map((m) => [m.id, m.provenance])).toEqual([
      ['transfer.test-connection.kex-kex', 'inferred'],
    ]);
  });

  it('records the catalogue entry and a transcript without the password', async () => {
    const canary = 'Canary-Pa55word-7f3a9c';
    await using sftp = await new SftpFake().withUser('partner', { password: canary }).start();
    const arn = await secret('partner/canary', { Username: 'partner', Password: canary });
    const id = await connector(sftp.getUrl(), arn, { SftpConfig: { UserSecretId: arn, TrustedHostKeys: [sftp.getHostKey()] } });

    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result).toMatchObject({ Status: 'OK', StatusMessage: 'Connection succeeded', SftpConnectionDetails: { HostKey: sftp.getHostKey() } });

    const requestId = result.$metadata.requestId!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await vi.waitFor(() => expect(aws.getCall(requestId)).toBeDefined());
    const call = aws.getCall(requestId)!;
    expect(call).toMatchObject({ service: 'transfer', operation: 'TestConnection', httpStatus: 200, request: { ConnectorId: id } });
    expect(call.messages).toEqual([
      expect.objectContaining({ id: 'transfer.test-connection.succeeded', provenance: 'documented', text: 'Connection succeeded' }),
    ]);
    expect(call.messages[0]!.source).not.toBe('');
    const kinds = call.transcript.map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['connect', 'tcp-connected', 'host-key', 'authenticated', 'sftp', 'result']));
    expect(JSON.stringify(call)).not.toContain(canary);
    // The fake accepted the password, so the canary really went over the wire.
    const auths = sftp.getTranscript().filter((e) => e.kind === 'auth' && e.detail.method === 'password');
    expect(auths.map((e) => e.detail.result)).toEqual(['accepted']);
  });

  it('keeps the password out of the record when the login fails', async () => {
    const canary = 'Wrong-Canary-Pa55-1c2d';
    await using sftp = await new SftpFake().withUser('partner', { password: 'Right-Pass-1' }).start();
    const arn = await secret('partner/wrong', { Username: 'partner', Password: canary });
    const id = await connector(sftp.getUrl(), arn, { SftpConfig: { UserSecretId: arn, TrustedHostKeys: [sftp.getHostKey()] } });
    const result = await transfer.send(new TestConnectionCommand({ ConnectorId: id }));
    expect(result.StatusMessage).toBe('Authentication failed for user partner (tried: password)');
    await vi.waitFor(() => expect(aws.getCall(result.$metadata.requestId!)).toBeDefined());
    const call = aws.getCall(result.$metadata.requestId!)!;
    expect(call.messages.map((m) => m.id)).toEqual(['transfer.test-connection.auth-failed']);
    expect(JSON.stringify(call)).not.toContain(canary);
    // The CreateSecret call that carried the password is recorded redacted too.
    const createSecret = aws.getCalls().find((c) => c.operation === 'CreateSecret' && JSON.stringify(c.response).includes('partner/wrong'));
    expect(createSecret).toBeDefined();
    expect(JSON.stringify(createSecret)).not.toContain(canary);
  });
});
