import type {
  CreateServerCommandInput,
  CreateServerCommandOutput,
  DeleteServerCommandInput,
  DeleteServerCommandOutput,
  DescribeServerCommandInput,
  DescribeServerCommandOutput,
  ListServersCommandInput,
  ListServersCommandOutput,
  StartServerCommandInput,
  StartServerCommandOutput,
  StopServerCommandInput,
  StopServerCommandOutput,
  UpdateServerCommandInput,
  UpdateServerCommandOutput,
} from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { paginate } from '../../endpoint/paginate.ts';
import type { WireOutput } from '../../endpoint/wire-shape.ts';
import type { TransferState } from '../transfer-state.ts';
import type { ServerStore, StoredServer } from './server-store.ts';

// Defaults CreateServer fills in (CreateServer API reference).
const DEFAULT_SECURITY_POLICY = 'TransferSecurityPolicy-2018-11';

export const createServer = defineOperation<CreateServerCommandInput, CreateServerCommandOutput, TransferState>({
  name: 'CreateServer',
  handle(input, { scope, state }) {
    const type = input.IdentityProviderType ?? 'SERVICE_MANAGED';
    checkIdentityProvider(type, input.IdentityProviderDetails, scope);
    const { IdentityProviderType, IdentityProviderDetails, Protocols, Domain, EndpointType, SecurityPolicyName, LoggingRole, Tags, HostKey, ...extra } = input;
    const server = state.servers.create(scope.region, scope.accountId, {
      IdentityProviderType: type,
      IdentityProviderDetails,
      Protocols: Protocols ?? ['SFTP'],
      Domain: Domain ?? 'S3',
      EndpointType: EndpointType ?? 'PUBLIC',
      SecurityPolicyName: SecurityPolicyName ?? DEFAULT_SECURITY_POLICY,
      LoggingRole,
      Tags,
      extra,
    });
    return { ServerId: server.ServerId };
  },
});

export const describeServer = defineOperation<DescribeServerCommandInput, DescribeServerCommandOutput, TransferState>({
  name: 'DescribeServer',
  handle(input, { scope, state }) {
    return { Server: describe(findServer(state.servers, input.ServerId, scope)) };
  },
});

export const updateServer = defineOperation<UpdateServerCommandInput, UpdateServerCommandOutput, TransferState>({
  name: 'UpdateServer',
  handle(input, { scope, state }) {
    const server = findServer(state.servers, input.ServerId, scope);
    const type = input.IdentityProviderType ?? server.IdentityProviderType;
    const details = input.IdentityProviderDetails ? { ...server.IdentityProviderDetails, ...input.IdentityProviderDetails } : server.IdentityProviderDetails;
    checkIdentityProvider(type, details, scope);
    const { ServerId, IdentityProviderType, IdentityProviderDetails, Protocols, SecurityPolicyName, LoggingRole, EndpointType, HostKey, ...extra } = input;
    Object.assign(server, {
      IdentityProviderType: type,
      IdentityProviderDetails: details,
      Protocols: Protocols ?? server.Protocols,
      SecurityPolicyName: SecurityPolicyName ?? server.SecurityPolicyName,
      LoggingRole: LoggingRole ?? server.LoggingRole,
      EndpointType: EndpointType ?? server.EndpointType,
      extra: { ...server.extra, ...extra },
    } satisfies Partial<StoredServer>);
    return { ServerId: server.ServerId };
  },
});

export const deleteServer = defineOperation<DeleteServerCommandInput, DeleteServerCommandOutput, TransferState>({
  name: 'DeleteServer',
  handle(input, { scope, state }) {
    findServer(state.servers, input.ServerId, scope);
    state.servers.delete(input.ServerId);
    return {};
  },
});

export const listServers = defineOperation<ListServersCommandInput, ListServersCommandOutput, TransferState>({
  name: 'ListServers',
  handle(input, { scope, state }) {
    const { page, nextToken } = paginate(state.servers.list(), input, { scope, defaultSize: 1000, messageId: 'transfer.list.invalid-next-token' });
    return {
      Servers: page.map((s) => ({
        Arn: s.Arn,
        Domain: s.Domain,
        IdentityProviderType: s.IdentityProviderType,
        EndpointType: s.EndpointType,
        LoggingRole: s.LoggingRole,
        ServerId: s.ServerId,
        State: s.State,
        UserCount: s.users.size,
      })),
      NextToken: nextToken,
    };
  },
});

export const startServer = defineOperation<StartServerCommandInput, StartServerCommandOutput, TransferState>({
  name: 'StartServer',
  handle(input, { scope, state }) {
    findServer(state.servers, input.ServerId, scope).State = 'ONLINE';
    return {};
  },
});

export const stopServer = defineOperation<StopServerCommandInput, StopServerCommandOutput, TransferState>({
  name: 'StopServer',
  handle(input, { scope, state }) {
    findServer(state.servers, input.ServerId, scope).State = 'OFFLINE';
    return {};
  },
});

export const serverOperations = [createServer, describeServer, updateServer, deleteServer, listServers, startServer, stopServer];

export function findServer(store: ServerStore, id: string, scope: CallScope): StoredServer {
  const server = store.get(id);
  if (!server) {
    throw new AwsError('ResourceNotFoundException', scope.message('transfer.server.not-found'), 400, { Resource: id, ResourceType: 'Server' });
  }
  return server;
}

function describe(server: StoredServer): WireOutput<DescribeServerCommandOutput>['Server'] {
  const { users, extra, ...fields } = server;
  return { ...extra, ...fields, UserCount: users.size };
}

/** Each identity provider type needs its details (CreateServer API reference, IdentityProviderDetails). */
function checkIdentityProvider(type: string, details: StoredServer['IdentityProviderDetails'], scope: CallScope): void {
  const required: Record<string, string[]> = {
    API_GATEWAY: ['Url', 'InvocationRole'],
    AWS_LAMBDA: ['Function'],
    AWS_DIRECTORY_SERVICE: ['DirectoryId'],
  };
  const missing = (Object.hasOwn(required, type) ? required[type]! : []).filter((field) => !details?.[field as keyof typeof details]);
  if (missing.length > 0) {
    throw new AwsError(
      'InvalidRequestException',
      scope.message('transfer.server.identity-provider-details-required', { type, fields: missing.map((f) => `IdentityProviderDetails.${f}`).join(', ') }),
    );
  }
}
