import type {
  CreateAccessCommandInput,
  CreateAccessCommandOutput,
  DeleteAccessCommandInput,
  DeleteAccessCommandOutput,
  DescribeAccessCommandInput,
  DescribeAccessCommandOutput,
} from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import type { TransferState } from '../transfer-state.ts';
import { findServer } from './server-operations.ts';
import type { StoredAccess, StoredServer } from './server-store.ts';

/** Accesses belong to servers whose users come from a directory. */
function directoryServer(server: StoredServer, scope: CallScope): StoredServer {
  if (server.IdentityProviderType !== 'AWS_DIRECTORY_SERVICE') {
    throw new AwsError('InvalidRequestException', scope.message('transfer.access.not-directory-server', { serverId: server.ServerId, type: server.IdentityProviderType }));
  }
  return server;
}

function findAccess(server: StoredServer, externalId: string, scope: CallScope): StoredAccess {
  const access = server.accesses.get(externalId);
  if (!access) throw new AwsError('ResourceNotFoundException', scope.message('transfer.access.not-found'), 400, { Resource: externalId, ResourceType: 'Access' });
  return access;
}

export const createAccess = defineOperation<CreateAccessCommandInput, CreateAccessCommandOutput, TransferState>({
  name: 'CreateAccess',
  handle(input, { scope, state }) {
    const server = directoryServer(findServer(state.servers, input.ServerId, scope), scope);
    if (server.accesses.has(input.ExternalId)) {
      throw new AwsError('ResourceExistsException', scope.message('transfer.access.exists'), 400, { Resource: input.ExternalId, ResourceType: 'Access' });
    }
    if (input.HomeDirectoryType === 'LOGICAL' && input.HomeDirectory) throw new AwsError('InvalidRequestException', scope.message('transfer.user.home-directory-with-logical'));
    const { ServerId, ...access } = input;
    server.accesses.set(input.ExternalId, { ...access, HomeDirectoryType: input.HomeDirectoryType ?? 'PATH' });
    return { ServerId, ExternalId: input.ExternalId };
  },
});

export const describeAccess = defineOperation<DescribeAccessCommandInput, DescribeAccessCommandOutput, TransferState>({
  name: 'DescribeAccess',
  handle(input, { scope, state }) {
    const server = findServer(state.servers, input.ServerId, scope);
    return { ServerId: server.ServerId, Access: findAccess(server, input.ExternalId, scope) };
  },
});

export const deleteAccess = defineOperation<DeleteAccessCommandInput, DeleteAccessCommandOutput, TransferState>({
  name: 'DeleteAccess',
  handle(input, { scope, state }) {
    const server = findServer(state.servers, input.ServerId, scope);
    findAccess(server, input.ExternalId, scope);
    server.accesses.delete(input.ExternalId);
    return {};
  },
});

export const accessOperations = [createAccess, describeAccess, deleteAccess];
