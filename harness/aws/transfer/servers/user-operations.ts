import type {
  CreateUserCommandInput,
  CreateUserCommandOutput,
  DeleteUserCommandInput,
  DeleteUserCommandOutput,
  DescribeUserCommandInput,
  DescribeUserCommandOutput,
  ListUsersCommandInput,
  ListUsersCommandOutput,
} from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { paginate } from '../../endpoint/paginate.ts';
import type { TransferState } from '../transfer-state.ts';
import { findServer } from './server-operations.ts';
import { sshPublicKeyId, type StoredServer, type StoredUser } from './server-store.ts';

export const createUser = defineOperation<CreateUserCommandInput, CreateUserCommandOutput, TransferState>({
  name: 'CreateUser',
  handle(input, { scope, state }) {
    const server = serviceManaged(findServer(state.servers, input.ServerId, scope), scope);
    if (server.users.has(input.UserName)) {
      throw new AwsError('ResourceExistsException', scope.message('transfer.user.exists', { user: input.UserName }), 400, {
        Resource: input.UserName,
        ResourceType: 'User',
      });
    }
    if (input.HomeDirectoryType === 'LOGICAL' && input.HomeDirectory) {
      throw new AwsError('InvalidRequestException', scope.message('transfer.user.home-directory-with-logical'));
    }
    const { ServerId, SshPublicKeyBody, ...fields } = input;
    state.servers.addUser(server, scope.region, scope.accountId, {
      ...fields,
      HomeDirectoryType: input.HomeDirectoryType ?? 'PATH',
      SshPublicKeys: SshPublicKeyBody ? [{ SshPublicKeyId: sshPublicKeyId(), SshPublicKeyBody, DateImported: new Date() }] : [],
    });
    return { ServerId, UserName: input.UserName };
  },
});

export const describeUser = defineOperation<DescribeUserCommandInput, DescribeUserCommandOutput, TransferState>({
  name: 'DescribeUser',
  handle(input, { scope, state }) {
    const user = findUser(findServer(state.servers, input.ServerId, scope), input.UserName, scope);
    return { ServerId: input.ServerId, User: user };
  },
});

export const deleteUser = defineOperation<DeleteUserCommandInput, DeleteUserCommandOutput, TransferState>({
  name: 'DeleteUser',
  handle(input, { scope, state }) {
    const server = findServer(state.servers, input.ServerId, scope);
    findUser(server, input.UserName, scope);
    server.users.delete(input.UserName);
    return {};
  },
});

export const listUsers = defineOperation<ListUsersCommandInput, ListUsersCommandOutput, TransferState>({
  name: 'ListUsers',
  handle(input, { scope, state }) {
    const server = findServer(state.servers, input.ServerId, scope);
    const { page, nextToken } = paginate([...server.users.values()], input, { scope, defaultSize: 1000, messageId: 'transfer.list.invalid-next-token' });
    return {
      ServerId: server.ServerId,
      Users: page.map((u) => ({
        Arn: u.Arn,
        HomeDirectory: u.HomeDirectory,
        HomeDirectoryType: u.HomeDirectoryType,
        Role: u.Role,
        SshPublicKeyCount: u.SshPublicKeys.length,
        UserName: u.UserName,
      })),
      NextToken: nextToken,
    };
  },
});

/** Users of SERVICE_MANAGED servers. */
export const userOperations = [createUser, describeUser, deleteUser, listUsers];

function findUser(server: StoredServer, name: string, scope: CallScope): StoredUser {
  const user = server.users.get(name);
  if (!user) {
    throw new AwsError('ResourceNotFoundException', scope.message('transfer.user.not-found', { user: name, serverId: server.ServerId }), 400, {
      Resource: name,
      ResourceType: 'User',
    });
  }
  return user;
}

function serviceManaged(server: StoredServer, scope: CallScope): StoredServer {
  if (server.IdentityProviderType !== 'SERVICE_MANAGED') {
    throw new AwsError('InvalidRequestException', scope.message('transfer.user.not-service-managed', { serverId: server.ServerId, type: server.IdentityProviderType }));
  }
  return server;
}
