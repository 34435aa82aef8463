import type {
  ConnectionInput,
  CreateConnectionCommandInput,
  CreateConnectionCommandOutput,
  DeleteConnectionCommandInput,
  DeleteConnectionCommandOutput,
  GetConnectionCommandInput,
  GetConnectionCommandOutput,
  GetConnectionsCommandInput,
  GetConnectionsCommandOutput,
  UpdateConnectionCommandInput,
  UpdateConnectionCommandOutput,
} from '@aws-sdk/client-glue';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { paginate } from '../../endpoint/paginate.ts';
import type { WireInput, WireOutput } from '../../endpoint/wire-shape.ts';

export interface StoredConnection {
  input: WireInput<ConnectionInput>;
  creationTime: Date;
  lastUpdatedTime: Date;
}

/** One catalog's connections, by name: Glue's state on one endpoint. */
export type ConnectionStore = Map<string, StoredConnection>;

const PASSWORD_KEYS = ['PASSWORD', 'ENCRYPTED_PASSWORD'] as const;

export const createConnection = defineOperation<CreateConnectionCommandInput, CreateConnectionCommandOutput, ConnectionStore>({
  name: 'CreateConnection',
  handle(input, { scope, state: store }) {
    const name = input.ConnectionInput.Name;
    if (store.has(name)) throw new AwsError('AlreadyExistsException', scope.message('glue.connection.exists', { name }));
    const now = new Date();
    store.set(name, { input: input.ConnectionInput, creationTime: now, lastUpdatedTime: now });
    return { CreateConnectionStatus: 'READY' };
  },
});

export const getConnection = defineOperation<GetConnectionCommandInput, GetConnectionCommandOutput, ConnectionStore>({
  name: 'GetConnection',
  handle(input, { scope, state: store }) {
    return { Connection: describe(findConnection(store, input.Name, scope), input.HidePassword) };
  },
});

export const getConnections = defineOperation<GetConnectionsCommandInput, GetConnectionsCommandOutput, ConnectionStore>({
  name: 'GetConnections',
  handle(input, { scope, state: store }) {
    const filter = input.Filter ?? {};
    const matching = [...store.values()].filter(
      (c) =>
        (!filter.ConnectionType || c.input.ConnectionType === filter.ConnectionType) &&
        (!filter.MatchCriteria || filter.MatchCriteria.every((m) => c.input.MatchCriteria?.includes(m))),
    );
    const { page, nextToken } = paginate(matching, input, {
      scope,
      defaultSize: 1000,
      messageId: 'glue.list.invalid-next-token',
      // Glue's model has no InvalidNextTokenException for GetConnections.
      errorType: 'InvalidInputException',
    });
    return { ConnectionList: page.map((c) => describe(c, input.HidePassword)), NextToken: nextToken };
  },
});

export const updateConnection = defineOperation<UpdateConnectionCommandInput, UpdateConnectionCommandOutput, ConnectionStore>({
  name: 'UpdateConnection',
  handle(input, { scope, state: store }) {
    const existing = findConnection(store, input.Name, scope);
    store.delete(input.Name);
    store.set(input.ConnectionInput.Name, { ...existing, input: input.ConnectionInput, lastUpdatedTime: new Date() });
    return {};
  },
});

export const deleteConnection = defineOperation<DeleteConnectionCommandInput, DeleteConnectionCommandOutput, ConnectionStore>({
  name: 'DeleteConnection',
  handle(input, { scope, state: store }) {
    findConnection(store, input.ConnectionName, scope);
    store.delete(input.ConnectionName);
    return {};
  },
});

export const connectionOperations = [createConnection, getConnection, getConnections, updateConnection, deleteConnection];

export function findConnection(store: ConnectionStore, name: string, scope: CallScope): StoredConnection {
  const connection = store.get(name);
  if (!connection) throw new AwsError('EntityNotFoundException', scope.message('glue.connection.not-found', { name }));
  return connection;
}

type DescribedConnection = NonNullable<WireOutput<GetConnectionCommandOutput>['Connection']>;

function describe(connection: StoredConnection, hidePassword?: boolean): DescribedConnection {
  const { ValidateCredentials, ValidateForComputeEnvironments, AuthenticationConfiguration, ...fields } = connection.input;
  const properties = { ...fields.ConnectionProperties };
  if (hidePassword) for (const key of PASSWORD_KEYS) delete properties[key];
  return {
    ...fields,
    ConnectionProperties: properties,
    // The stored configuration never echoes inline OAuth2 credentials (AuthenticationConfiguration has no such member).
    ...(AuthenticationConfiguration ? { AuthenticationConfiguration: withoutCredentials(AuthenticationConfiguration) } : {}),
    CreationTime: connection.creationTime,
    LastUpdatedTime: connection.lastUpdatedTime,
    Status: 'READY',
  };
}

function withoutCredentials(configuration: NonNullable<StoredConnection['input']['AuthenticationConfiguration']>): DescribedConnection['AuthenticationConfiguration'] {
  const { BasicAuthenticationCredentials, CustomAuthenticationCredentials, OAuth2Properties, ...rest } = configuration;
  if (!OAuth2Properties) return rest;
  const { OAuth2Credentials, AuthorizationCodeProperties, ...oauth } = OAuth2Properties;
  return { ...rest, OAuth2Properties: oauth };
}
