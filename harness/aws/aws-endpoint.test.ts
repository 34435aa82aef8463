import { createHash, createHmac } from 'node:crypto';
import { GetConnectionsCommand, GlueClient } from '@aws-sdk/client-glue';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  CreateConnectorCommand,
  DescribeConnectorCommand,
  DescribeSecurityPolicyCommand,
  ListConnectorsCommand,
  TransferClient,
  type DescribeSecurityPolicyCommandInput,
  type DescribeSecurityPolicyCommandOutput,
} from '@aws-sdk/client-transfer';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, type RawAnswer } from './endpoint/testing/raw-http.ts';
import { failure } from './testing/sdk-failure.ts';
import {
  AwsEndpoint,
  AwsError,
  connectorSecurityPolicies,
  defineMessages,
  defineOperation,
  defineService,
  ServiceModel,
  type MessageId,
  type StartedAwsEndpoint,
} from './index.ts';

// What a user writes to add operations, through partner-harness/aws only (./index.ts here).

/** An operation the harness does not emulate, added to the built-in Transfer service. */
const describeSecurityPolicy = defineOperation<DescribeSecurityPolicyCommandInput, DescribeSecurityPolicyCommandOutput>({
  name: 'DescribeSecurityPolicy',
  handle(input) {
    const policy = Object.hasOwn(connectorSecurityPolicies, input.SecurityPolicyName) ? connectorSecurityPolicies[input.SecurityPolicyName] : undefined;
    if (!policy) throw new AwsError('ResourceNotFoundException', `Unknown security policy ${input.SecurityPolicyName}`);
    return {
      SecurityPolicy: {
        SecurityPolicyName: policy.name,
        Type: 'CONNECTOR',
        Protocols: ['SFTP'],
        SshCiphers: policy.ciphers,
        SshKexs: policy.kexs,
        SshMacs: policy.macs,
        SshHostKeyAlgorithms: policy.hostKeyAlgorithms,
      },
    };
  },
});

/** A whole new service: its own model (so its input is validated), messages and state. */
const acmeMessages = defineMessages([
  { id: 'acme.partner.exists', text: 'Partner {name} is already registered', provenance: 'inferred', source: 'Acme partner API docs' },
]);
type AcmeMessageId = MessageId | (typeof acmeMessages)[number]['id'];
type Partners = Map<string, { tier: string }>;

const registerPartner = defineOperation<{ Name: string; Tier?: string; ApiKey?: string }, { PartnerArn: string }, Partners, AcmeMessageId>({
  name: 'RegisterPartner',
  handle(input, { scope, state }) {
    if (state.has(input.Name)) throw new AwsError('PartnerExistsException', scope.message('acme.partner.exists', { name: input.Name }));
    state.set(input.Name, { tier: input.Tier ?? 'BRONZE' });
    return { PartnerArn: `arn:aws:acme-partners:${scope.region}:${scope.accountId}:partner/${input.Name}` };
  },
});

const acmeService = defineService({
  name: 'acme-partners',
  model: new ServiceModel({
    source: 'written by hand for this test',
    metadata: { targetPrefix: 'AcmePartners_20260101', apiVersion: '2026-01-01', jsonVersion: '1.1', protocol: 'json', signingName: 'acme-partners', endpointPrefix: 'acme-partners', serviceId: 'Acme Partners' },
    operations: { RegisterPartner: { input: { shape: 'RegisterPartnerRequest' }, output: { shape: 'RegisterPartnerResponse' } } },
    shapes: {
      RegisterPartnerRequest: { type: 'structure', required: ['Name'], members: { Name: { shape: 'PartnerName' }, Tier: { shape: 'Tier' }, ApiKey: { shape: 'ApiKey' } } },
      RegisterPartnerResponse: { type: 'structure', members: { PartnerArn: { shape: 'PartnerName' } } },
      PartnerName: { type: 'string', min: 1, max: 16, pattern: '^[a-z]+$' },
      Tier: { type: 'string', enum: ['BRONZE', 'GOLD'] },
      ApiKey: { type: 'string', sensitive: true },
    },
  }),
  messages: acmeMessages,
  createState: (): Partners => new Map(),
  operations: [registerPartner],
});

/** The SHA-256 SignatureV4 wants, from node:crypto. */
class Sha256 {
  #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', typeof secret === 'string' ? secret : Buffer.from(secret as ArrayBuffer));
  }
  update(data: string | Uint8Array): void {
    this.#hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
  reset(): void {}
}

let aws: StartedAwsEndpoint;

beforeAll(async () => {
  aws = await new AwsEndpoint().withOperations('transfer', describeSecurityPolicy).withService(acmeService).start();
});

afterAll(async () => {
  await aws?.stop();
});

/** A call to the Acme service as any AWS client makes it: JSON 1.1, signed with SigV4 for eu-west-1. */
async function callAcme(operation: string, input: unknown): Promise<RawAnswer> {
  const url = new URL(aws.getUrl());
  const body = JSON.stringify(input);
  const signer = new SignatureV4({ service: 'acme-partners', region: 'eu-west-1', sha256: Sha256, credentials: aws.getClientConfig().credentials });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AcmePartners_20260101.${operation}` },
    body,
  });
  return rawRequest(aws.getUrl(), { headers: signed.headers, body });
}

describe('AwsEndpoint with its default services', () => {
  it('emulates Transfer, Secrets Manager and Glue', async () => {
    await using plain = await new AwsEndpoint().start();
    const transfer = new TransferClient(plain.getClientConfig());
    const secrets = new SecretsManagerClient(plain.getClientConfig());
    const glue = new GlueClient(plain.getClientConfig());
    try {
      expect((await transfer.send(new ListConnectorsCommand({}))).Connectors).toEqual([]);
      expect((await secrets.send(new ListSecretsCommand({}))).SecretList).toEqual([]);
      expect((await glue.send(new GetConnectionsCommand({}))).ConnectionList).toEqual([]);
    } finally {
      for (const client of [transfer, secrets, glue]) client.destroy();
    }
  });
});

describe('a user operation on a built-in service', () => {
  it('is called through the real TransferClient, beside the built-in operations and their state', async () => {
    const transfer = new TransferClient(aws.getClientConfig());
    try {
      const { SecurityPolicy } = await transfer.send(new DescribeSecurityPolicyCommand({ SecurityPolicyName: 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10' }));
      expect(SecurityPolicy).toEqual({
        SecurityPolicyName: 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10',
        Type: 'CONNECTOR',
        Protocols: ['SFTP'],
        SshCiphers: ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'],
        SshKexs: ['ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521'],
        SshMacs: ['hmac-sha2-512', 'hmac-sha2-256'],
        SshHostKeyAlgorithms: ['ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256'],
      });
      const { ConnectorId } = await transfer.send(
        new CreateConnectorCommand({ Url: 'sftp://127.0.0.1', AccessRole: 'arn:aws:iam::000000000000:role/c', SftpConfig: { UserSecretId: 's' } }),
      );
      expect((await transfer.send(new DescribeConnectorCommand({ ConnectorId }))).Connector?.ConnectorId).toBe(ConnectorId);
    } finally {
      transfer.destroy();
    }
  });

  it('answers its AwsError as the SDK exception', async () => {
    const transfer = new TransferClient(aws.getClientConfig());
    try {
      const error = await failure(transfer.send(new DescribeSecurityPolicyCommand({ SecurityPolicyName: 'TransferSecurityPolicy-Nope' })));
      expect(error).toMatchObject({ name: 'ResourceNotFoundException', $fault: 'client', message: 'Unknown security policy TransferSecurityPolicy-Nope' });
    } finally {
      transfer.destroy();
    }
  });
});

describe('a user service', () => {
  it('serves its operation over signed JSON 1.1, with the region of the signature and its own state', async () => {
    const first = await callAcme('RegisterPartner', { Name: 'globex', Tier: 'GOLD', ApiKey: 'k-123-secret' });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ PartnerArn: 'arn:aws:acme-partners:eu-west-1:000000000000:partner/globex' });
    const again = await callAcme('RegisterPartner', { Name: 'globex' });
    expect(again.status).toBe(400);
    expect(again.headers['x-amzn-errortype']).toBe('PartnerExistsException');
    expect(again.json).toMatchObject({ __type: 'PartnerExistsException', message: 'Partner globex is already registered' });
  });

  it('records its calls with the catalogue provenance, its sensitive members masked', async () => {
    const answer = await callAcme('RegisterPartner', { Name: 'initech', ApiKey: 'k-456-secret' });
    await callAcme('RegisterPartner', { Name: 'initech' });
    const record = aws.getCall(String(answer.headers['x-amzn-requestid']));
    expect(record).toMatchObject({ service: 'acme-partners', operation: 'RegisterPartner', httpStatus: 200 });
    expect(JSON.stringify(record)).not.toContain('k-456-secret');
    expect(aws.getCalls().at(-1)?.messages).toEqual([
      { id: 'acme.partner.exists', text: 'Partner initech is already registered', provenance: 'inferred', source: 'Acme partner API docs' },
    ]);
  });

  it('gets its input validated against its model before the handler runs, as AWS answers it', async () => {
    const missing = await callAcme('RegisterPartner', { Tier: 'SILVER' });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ __type: 'ValidationException' });
    expect(missing.json?.message).toMatch(/^2 validation errors detected: /);
    expect(missing.json?.message).toContain("Value null at 'name' failed to satisfy constraint: Member must not be null");
    expect(missing.json?.message).toContain("Value 'SILVER' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [BRONZE, GOLD]");
  });

  it('names its emulated operations for an operation it lacks', async () => {
    const answer = await callAcme('DeletePartner', { Name: 'globex' });
    expect(answer.json).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('Emulated operations: RegisterPartner') });
  });

  it('has its messages overridable by id like the built-in ones', async () => {
    await using endpoint = await new AwsEndpoint().withService(acmeService).withMessageOverrides({ 'acme.partner.exists': 'Seen on Acme: {name} taken' }).start();
    expect(endpoint.getMessageCatalogue().render('acme.partner.exists', { name: 'x' })).toMatchObject({ text: 'Seen on Acme: x taken', provenance: 'user' });
  });
});

describe('AwsEndpoint composition errors', () => {
  it('refuses a service whose name is taken, pointing at withOperations', () => {
    expect(() => new AwsEndpoint().withService({ ...acmeService, name: 'transfer' })).toThrow(
      "The endpoint already emulates a service named transfer: use withOperations('transfer', ...) to add operations to it",
    );
  });

  it('refuses operations for an unknown service and an operation a service already has', () => {
    expect(() => new AwsEndpoint().withOperations('tranfser', describeSecurityPolicy)).toThrow(
      'No emulated service named tranfser: the endpoint has secretsmanager, transfer, glue',
    );
    const testConnection = defineOperation<object, object>({ name: 'TestConnection', handle: () => ({}) });
    expect(() => new AwsEndpoint().withOperations('transfer', testConnection)).toThrow('transfer already emulates TestConnection');
  });

  it('fails start() when two services answer to one X-Amz-Target prefix', async () => {
    const twin = { ...acmeService, name: 'acme-twin', messages: [] };
    await expect(new AwsEndpoint().withService(acmeService).withService(twin).start()).rejects.toThrow(
      'Services acme-partners and acme-twin both answer X-Amz-Target AcmePartners_20260101',
    );
  });
});
