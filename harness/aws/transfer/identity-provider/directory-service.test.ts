import { CreateAccessCommand, CreateServerCommand, DeleteAccessCommand, DescribeAccessCommand, TestIdentityProviderCommand, TransferClient } from '@aws-sdk/client-transfer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint } from '../../aws-endpoint.ts';
import type { Directory } from '../../directory/directory-store.ts';
import type { StartedAwsEndpoint } from '../../endpoint/started-aws-endpoint.ts';
import { failure } from '../../testing/sdk-failure.ts';

const PASSWORD = 'Directory-Canary-31';
const ROLE = 'arn:aws:iam::000000000000:role/transfer-engineering';

describe('TestIdentityProvider for AWS_DIRECTORY_SERVICE servers', () => {
  let aws: StartedAwsEndpoint;
  let transfer: TransferClient;
  let directory: Directory;
  let serverId: string;
  const sid = (name: string) => directory.groups.find((group) => group.name === name)!.sid;

  beforeAll(async () => {
    const builder = new AwsEndpoint();
    directory = builder.withDirectory({
      groups: [{ name: 'Engineering' }, { name: 'Finance' }, { name: 'Contractors' }],
      users: [
        { name: 'alice', password: PASSWORD, groups: ['Engineering'] },
        { name: 'bob', password: PASSWORD, groups: ['Engineering', 'Finance'] },
        { name: 'carol', password: PASSWORD, groups: ['Contractors'] },
      ],
    });
    aws = await builder.start();
    transfer = new TransferClient(aws.getClientConfig());
    ({ ServerId: serverId } = (await transfer.send(new CreateServerCommand({ IdentityProviderType: 'AWS_DIRECTORY_SERVICE', IdentityProviderDetails: { DirectoryId: directory.directoryId } }))) as { ServerId: string });
    await transfer.send(new CreateAccessCommand({ ServerId: serverId, ExternalId: sid('Engineering'), Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryMappings: [{ Entry: '/', Target: '/corp/eng' }] }));
    await transfer.send(new CreateAccessCommand({ ServerId: serverId, ExternalId: sid('Finance'), Role: 'arn:aws:iam::000000000000:role/transfer-finance' }));
  });
  afterAll(async () => {
    transfer?.destroy();
    await aws?.stop();
  });

  const test = (UserName: string, UserPassword?: string) => transfer.send(new TestIdentityProviderCommand({ ServerId: serverId, UserName, ...(UserPassword ? { UserPassword } : {}) }));

  it('logs in a user whose one group has an access, with that access as the session (no Url: that is API Gateway\'s)', async () => {
    const out = await test('Alice', PASSWORD);
    expect(out).toMatchObject({ StatusCode: 200, Message: '' });
    expect(out.Url).toBeUndefined();
    expect(JSON.parse(out.Response!)).toEqual({ Role: ROLE, HomeDirectoryType: 'LOGICAL', HomeDirectoryDetails: '[{"Entry":"/","Target":"/corp/eng"}]' });
  });

  it('answers the documented texts for a user in two groups with access, and in none', async () => {
    expect(await test('bob', PASSWORD)).toMatchObject({ StatusCode: 200, Response: '', Message: "More than one associated access found for user's groups." });
    expect(await test('carol', PASSWORD)).toMatchObject({ StatusCode: 200, Response: '', Message: "No associated access found for user's groups" });
  });

  it('fails the login of a wrong password or an unknown user as a failed login, the password nowhere in the record', async () => {
    for (const [user, password] of [['alice', 'wrong-password'], ['mallory', PASSWORD], ['alice', undefined]] as const) {
      const out = await test(user, password);
      expect(out).toMatchObject({ StatusCode: 200, Response: '', Message: '' });
      const record = aws.getCall(out.$metadata.requestId!)!;
      expect(record.diagnosis[0]!.code).toBe('directory-login-failed');
      expect(JSON.stringify(record)).not.toContain(PASSWORD);
    }
  });

  it('keeps accesses as CreateAccess, DescribeAccess and DeleteAccess do, with their errors', async () => {
    const duplicate = await failure(transfer.send(new CreateAccessCommand({ ServerId: serverId, ExternalId: sid('Finance'), Role: ROLE })));
    expect(duplicate).toMatchObject({ name: 'ResourceExistsException', Resource: sid('Finance'), ResourceType: 'Access' });
    expect((await transfer.send(new DescribeAccessCommand({ ServerId: serverId, ExternalId: sid('Engineering') }))).Access?.Role).toBe(ROLE);
    await transfer.send(new CreateAccessCommand({ ServerId: serverId, ExternalId: sid('Contractors'), Role: ROLE }));
    expect(await test('carol', PASSWORD)).toMatchObject({ StatusCode: 200, Message: '' });
    await transfer.send(new DeleteAccessCommand({ ServerId: serverId, ExternalId: sid('Contractors') }));
    expect(await test('carol', PASSWORD)).toMatchObject({ Message: "No associated access found for user's groups" });
    const gone = await failure(transfer.send(new DescribeAccessCommand({ ServerId: serverId, ExternalId: sid('Contractors') })));
    expect(gone.name).toBe('ResourceNotFoundException');
    const { ServerId: apiServer } = await transfer.send(new CreateServerCommand({ IdentityProviderType: 'API_GATEWAY', IdentityProviderDetails: { Url: 'https://example.com/prod', InvocationRole: ROLE } }));
    const wrongKind = await failure(transfer.send(new CreateAccessCommand({ ServerId: apiServer!, ExternalId: sid('Finance'), Role: ROLE })));
    expect(wrongKind).toMatchObject({ name: 'InvalidRequestException', message: `${apiServer} not configured for directory access` });
  });
});
