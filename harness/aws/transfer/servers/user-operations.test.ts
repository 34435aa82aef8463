import {
  CreateServerCommand,
  CreateUserCommand,
  DeleteUserCommand,
  DescribeUserCommand,
  ListUsersCommand,
  TransferClient,
} from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSshKey } from '../../../../fakes/sftp/index.ts';
import { AwsEndpoint, type StartedAwsEndpoint } from '../../index.ts';

const ROLE = 'arn:aws:iam::000000000000:role/transfer-user';

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

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the call to be rejected, but it succeeded');
  return error as Error & Record<string, any>;
}

async function serviceManagedServer(): Promise<string> {
  const { ServerId } = await transfer.send(new CreateServerCommand({}));
  return ServerId!;
}

describe('CreateUser and DescribeUser', () => {
  it('stores the user with an ARN, PATH home by default and a key- id for its public key', async () => {
    const ServerId = await serviceManagedServer();
    const key = generateSshKey('ssh-ed25519');
    const created = await transfer.send(
      new CreateUserCommand({ ServerId, UserName: 'alice', Role: ROLE, HomeDirectory: '/bucket/alice', SshPublicKeyBody: key.publicKey }),
    );
    expect(created).toMatchObject({ ServerId, UserName: 'alice' });

    const { User, ServerId: describedServer } = await transfer.send(new DescribeUserCommand({ ServerId, UserName: 'alice' }));
    expect(describedServer).toBe(ServerId);
    expect(User).toMatchObject({
      UserName: 'alice',
      Arn: `arn:aws:transfer:us-east-1:000000000000:user/${ServerId}/alice`,
      Role: ROLE,
      HomeDirectory: '/bucket/alice',
      HomeDirectoryType: 'PATH',
    });
    expect(User?.SshPublicKeys).toHaveLength(1);
    expect(User?.SshPublicKeys?.[0]?.SshPublicKeyId).toMatch(/^key-[0-9a-f]{17}$/);
    expect(User?.SshPublicKeys?.[0]?.SshPublicKeyBody).toBe(key.publicKey);
    expect(User?.SshPublicKeys?.[0]?.DateImported).toBeInstanceOf(Date);
  });

  it('has no public keys when none is given, and keeps LOGICAL mappings', async () => {
    const ServerId = await serviceManagedServer();
    const mappings = [{ Entry: '/', Target: '/bucket/bob' }];
    await transfer.send(new CreateUserCommand({ ServerId, UserName: 'bob', Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryMappings: mappings }));
    const { User } = await transfer.send(new DescribeUserCommand({ ServerId, UserName: 'bob' }));
    expect(User?.SshPublicKeys).toEqual([]);
    expect(User?.HomeDirectoryType).toBe('LOGICAL');
    expect(User?.HomeDirectoryMappings).toEqual(mappings);
  });

  it('rejects a second user of the same name with ResourceExistsException', async () => {
    const ServerId = await serviceManagedServer();
    await transfer.send(new CreateUserCommand({ ServerId, UserName: 'carol', Role: ROLE }));
    const error = await rejection(transfer.send(new CreateUserCommand({ ServerId, UserName: 'carol', Role: ROLE })));
    expect(error.name).toBe('ResourceExistsException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('User already exists');
    expect(error.Resource).toBe('carol');
    expect(error.ResourceType).toBe('User');
  });

  it('rejects CreateUser on an API_GATEWAY server: its users live in the identity provider', async () => {
    const { ServerId } = await transfer.send(
      new CreateServerCommand({
        IdentityProviderType: 'API_GATEWAY',
        IdentityProviderDetails: { Url: 'https://abc.execute-api.us-east-1.amazonaws.com/prod', InvocationRole: ROLE },
      }),
    );
    const error = await rejection(transfer.send(new CreateUserCommand({ ServerId, UserName: 'dave', Role: ROLE })));
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe(`${ServerId} uses API_GATEWAY: users are managed by its identity provider, not by CreateUser`);
  });

  it('rejects HomeDirectory together with HomeDirectoryType LOGICAL', async () => {
    const ServerId = await serviceManagedServer();
    const error = await rejection(
      transfer.send(new CreateUserCommand({ ServerId, UserName: 'erin', Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectory: '/bucket/erin' })),
    );
    expect(error.name).toBe('InvalidRequestException');
    expect(error.message).toBe('HomeDirectory cannot be set when HomeDirectoryType is LOGICAL');
    const missing = await rejection(transfer.send(new DescribeUserCommand({ ServerId, UserName: 'erin' })));
    expect(missing.name).toBe('ResourceNotFoundException');
  });

  it('answers ResourceNotFoundException for an unknown user, naming it', async () => {
    const ServerId = await serviceManagedServer();
    const error = await rejection(transfer.send(new DescribeUserCommand({ ServerId, UserName: 'nobody' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('Unknown user');
    expect(error.Resource).toBe('nobody');
    expect(error.ResourceType).toBe('User');
  });

  it('answers ResourceNotFoundException "Unknown server" for a user of an unknown server', async () => {
    const error = await rejection(transfer.send(new CreateUserCommand({ ServerId: 's-0123456789abcdef0', UserName: 'frank', Role: ROLE })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe('Unknown server');
    expect(error.ResourceType).toBe('Server');
  });

  it('validates ServerId and UserName against the model before anything else', async () => {
    const badServer = await rejection(transfer.send(new DescribeUserCommand({ ServerId: 'server-1', UserName: 'alice' })));
    expect(badServer.name).toBe('ValidationException');
    expect(badServer.$metadata.httpStatusCode).toBe(400);
    const ServerId = await serviceManagedServer();
    const badUser = await rejection(transfer.send(new CreateUserCommand({ ServerId, UserName: '-x', Role: ROLE })));
    expect(badUser.name).toBe('ValidationException');
  });
});

describe('ListUsers and DeleteUser', () => {
  it('lists users with their key counts, and forgets a deleted one', async () => {
    const ServerId = await serviceManagedServer();
    const key = generateSshKey('ssh-ed25519');
    await transfer.send(new CreateUserCommand({ ServerId, UserName: 'alice', Role: ROLE, SshPublicKeyBody: key.publicKey, HomeDirectory: '/b/alice' }));
    await transfer.send(new CreateUserCommand({ ServerId, UserName: 'bob', Role: ROLE }));

    const listed = await transfer.send(new ListUsersCommand({ ServerId }));
    expect(listed.ServerId).toBe(ServerId);
    expect(listed.Users).toEqual([
      expect.objectContaining({ UserName: 'alice', SshPublicKeyCount: 1, HomeDirectory: '/b/alice', HomeDirectoryType: 'PATH', Role: ROLE }),
      expect.objectContaining({ UserName: 'bob', SshPublicKeyCount: 0, Arn: `arn:aws:transfer:us-east-1:000000000000:user/${ServerId}/bob` }),
    ]);

    await transfer.send(new DeleteUserCommand({ ServerId, UserName: 'alice' }));
    const after = await transfer.send(new ListUsersCommand({ ServerId }));
    expect(after.Users?.map((u) => u.UserName)).toEqual(['bob']);
    const error = await rejection(transfer.send(new DescribeUserCommand({ ServerId, UserName: 'alice' })));
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('pages with MaxResults and NextToken', async () => {
    const ServerId = await serviceManagedServer();
    for (const UserName of ['u01', 'u02', 'u03']) await transfer.send(new CreateUserCommand({ ServerId, UserName, Role: ROLE }));
    const first = await transfer.send(new ListUsersCommand({ ServerId, MaxResults: 2 }));
    expect(first.Users?.map((u) => u.UserName)).toEqual(['u01', 'u02']);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await transfer.send(new ListUsersCommand({ ServerId, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.Users?.map((u) => u.UserName)).toEqual(['u03']);
    expect(second.NextToken).toBeUndefined();
  });

  it('answers ResourceNotFoundException when deleting an unknown user', async () => {
    const ServerId = await serviceManagedServer();
    const error = await rejection(transfer.send(new DeleteUserCommand({ ServerId, UserName: 'ghost' })));
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.Resource).toBe('ghost');
  });
});
