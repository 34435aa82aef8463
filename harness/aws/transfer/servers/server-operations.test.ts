import {
  CreateServerCommand,
  CreateUserCommand,
  DeleteServerCommand,
  DescribeServerCommand,
  ListServersCommand,
  StartServerCommand,
  StopServerCommand,
  TransferClient,
  UpdateServerCommand,
} from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';

const ROLE = 'arn:aws:iam::000000000000:role/transfer-idp';
const API_URL = 'https://abc123.execute-api.us-east-1.amazonaws.com/prod';

let aws: StartedAwsEndpoint;
let transfer: TransferClient;

beforeAll(async () => {
  aws = await new AwsEndpoint().start();
  transfer = new TransferClient(aws.getClientConfig());
});

afterAll(async () => {
  transfer?.destroy();
  await aws?.stop();
});

/** The rejection of `promise`, so its SDK name, status and members can be asserted. */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to be rejected, but it succeeded');
  return error as Error & Record<string, any>;
}

describe('CreateServer and DescribeServer', () => {
  it('fills in the documented defaults and an s- id with its ARN', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    expect(ServerId).toMatch(/^s-[0-9a-f]{17}$/);
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server).toMatchObject({
      ServerId,
      Arn: `arn:aws:transfer:us-east-1:000000000000:server/${ServerId}`,
      Protocols: ['SFTP'],
      Domain: 'S3',
      EndpointType: 'PUBLIC',
      IdentityProviderType: 'SERVICE_MANAGED',
      State: 'ONLINE',
      SecurityPolicyName: 'TransferSecurityPolicy-2018-11',
      UserCount: 0,
    });
  });

  it('keeps what the caller gave instead of the defaults', async () => {
    const { ServerId } = await transfer.send(
      new CreateServerCommand({ Protocols: ['SFTP', 'FTPS'], Domain: 'EFS', EndpointType: 'VPC', Tags: [{ Key: 'team', Value: 'b2b' }] }),
    );
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server).toMatchObject({ Protocols: ['SFTP', 'FTPS'], Domain: 'EFS', EndpointType: 'VPC', Tags: [{ Key: 'team', Value: 'b2b' }] });
  });

  it('rejects API_GATEWAY without InvocationRole, naming the missing detail', async () => {
    const error = await rejection(
      transfer.send(new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: API_URL } })),
    );
    expect(error.name).toBe('InvalidRequestException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('API_GATEWAY servers need IdentityProviderDetails.InvocationRole');
  });

  it('rejects API_GATEWAY without any details, naming both fields', async () => {
    const error = await rejection(transfer.send(new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY' })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe('API_GATEWAY servers need IdentityProviderDetails.Url, IdentityProviderDetails.InvocationRole');
  });

  it('rejects AWS_LAMBDA without Function', async () => {
    const error = await rejection(transfer.send(new CreateServerCommand({ IdentityProviderType: 'AWS_LAMBDA', IdentityProviderDetails: {} })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe('AWS_LAMBDA servers need IdentityProviderDetails.Function');
  });

  it('answers a malformed ServerId with ValidationException before looking it up', async () => {
    const error = await rejection(transfer.send(new DescribeServerCommand({ ServerId: 's-not-hex' })));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toContain('serverId');
  });
});

describe('UpdateServer', () => {
  it('merges IdentityProviderDetails with the stored ones', async () => {
    const { ServerId } = await transfer.send(
      new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: API_URL, InvocationRole: ROLE } }),
    );
    await transfer.send(new UpdateServerCommand({ ServerId, IdentityProviderDetails: { Url: `${API_URL}-v2` } }));
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server?.IdentityProviderType).toBe('API_GATEWAY');
    expect(Server?.IdentityProviderDetails).toEqual({ Url: `${API_URL}-v2`, InvocationRole: ROLE });
  });

  it('checks the merged details against the new type', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    const error = await rejection(transfer.send(new UpdateServerCommand({ ServerId, IdentityProviderType: 'AWS_LAMBDA' })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe('AWS_LAMBDA servers need IdentityProviderDetails.Function');
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server?.IdentityProviderType).toBe('SERVICE_MANAGED');
  });

  it('answers back other UpdateServer members it was given', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    await transfer.send(new UpdateServerCommand({ ServerId, EndpointDetails: { VpcId: 'vpc-0123' }, LoggingRole: 'arn:aws:iam::000000000000:role/log' }));
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server).toMatchObject({ EndpointDetails: { VpcId: 'vpc-0123' }, LoggingRole: 'arn:aws:iam::000000000000:role/log' });
  });

  it('changes EndpointType', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    await transfer.send(new UpdateServerCommand({ ServerId, EndpointType: 'VPC', EndpointDetails: { VpcId: 'vpc-0123' } }));
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server?.EndpointType).toBe('VPC');
  });

  it('changes Protocols and keeps fields it was not given', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({ SecurityPolicyName: 'TransferSecurityPolicy-2024-01' }));
    await transfer.send(new UpdateServerCommand({ ServerId, Protocols: ['FTPS'] }));
    const { Server } = await transfer.send(new DescribeServerCommand({ ServerId }));
    expect(Server).toMatchObject({ Protocols: ['FTPS'], SecurityPolicyName: 'TransferSecurityPolicy-2024-01', Domain: 'S3' });
  });
});

describe('StopServer, StartServer, ListServers, DeleteServer', () => {
  it('moves State between OFFLINE and ONLINE', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    await transfer.send(new StopServerCommand({ ServerId }));
    expect((await transfer.send(new DescribeServerCommand({ ServerId }))).Server?.State).toBe('OFFLINE');
    await transfer.send(new StartServerCommand({ ServerId }));
    expect((await transfer.send(new DescribeServerCommand({ ServerId }))).Server?.State).toBe('ONLINE');
  });

  it('lists servers with their UserCount', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    for (const UserName of ['alice', 'bob']) await transfer.send(new CreateUserCommand({ ServerId, UserName, Role: ROLE }));
    const { Servers } = await transfer.send(new ListServersCommand({}));
    const listed = Servers?.find((s) => s.ServerId === ServerId);
    expect(listed).toMatchObject({
      Arn: `arn:aws:transfer:us-east-1:000000000000:server/${ServerId}`,
      State: 'ONLINE',
      IdentityProviderType: 'SERVICE_MANAGED',
      Domain: 'S3',
      EndpointType: 'PUBLIC',
      UserCount: 2,
    });
  });

  it('forgets a deleted server: Describe answers ResourceNotFoundException "Unknown server"', async () => {
    const { ServerId } = await transfer.send(new CreateServerCommand({}));
    await transfer.send(new DeleteServerCommand({ ServerId }));
    const error = await rejection(transfer.send(new DescribeServerCommand({ ServerId })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('Unknown server');
    expect(error.Resource).toBe(ServerId);
    expect(error.ResourceType).toBe('Server');
    const { Servers } = await transfer.send(new ListServersCommand({}));
    expect(Servers?.map((s) => s.ServerId)).not.toContain(ServerId);
  });

  it('answers ResourceNotFoundException when deleting or stopping an unknown server', async () => {
    const unknown = 's-00000000000000000';
    for (const command of [new DeleteServerCommand({ ServerId: unknown }), new StopServerCommand({ ServerId: unknown })]) {
      const error = await rejection(transfer.send(command as DeleteServerCommand));
      expect(error.name).toBe('ResourceNotFoundException');
      expect(error.Resource).toBe(unknown);
    }
  });
});
