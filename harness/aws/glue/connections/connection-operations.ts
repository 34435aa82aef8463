import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { OperationHandler } from '../../endpoint/emulated-service.ts';
import { paginate } from '../../endpoint/paginate.ts';

export interface StoredConnection {
  input: Record<string, any>;
  creationTime: Date;
  lastUpdatedTime: Date;
}

/** One catalog's connections, by name. */
export type ConnectionStore = Map<string, StoredConnection>;

const PASSWORD_KEYS = ['PASSWORD', 'ENCRYPTED_PASSWORD'];

/** CreateConnection, GetConnection, GetConnections, UpdateConnection, DeleteConnection. */
export function connectionOperations(store: ConnectionStore): Record<string, OperationHandler> {
  return {
    CreateConnection(input, scope) {
      const name = input.ConnectionInput.Name;
      if (store.has(name)) throw new AwsError('AlreadyExistsException', scope.message('glue.connection.exists', { name }));
      const now = new Date();
      store.set(name, { input: input.ConnectionInput, creationTime: now, lastUpdatedTime: now });
      return { CreateConnectionStatus: 'READY' };
    },

    GetConnection(input, scope) {
      return { Connection: describe(findConnection(store, input.Name, scope), input.HidePassword) };
    },

    GetConnections(input, scope) {
      const filter = input.Filter ?? {};
      const matching = [...store.values()].filter(
        (c) =>
          (!filter.ConnectionType || c.input.ConnectionType === filter.ConnectionType) &&
          (!filter.MatchCriteria || filter.MatchCriteria.every((m: string) => c.input.MatchCriteria?.includes(m))),
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

    UpdateConnection(input, scope) {
      const existing = findConnection(store, input.Name, scope);
      store.delete(input.Name);
      store.set(input.ConnectionInput.Name, { ...existing, input: input.ConnectionInput, lastUpdatedTime: new Date() });
      return {};
    },

    DeleteConnection(input, scope) {
      findConnection(store, input.ConnectionName, scope);
      store.delete(input.ConnectionName);
      return {};
    },
  };
}

export function findConnection(store: ConnectionStore, name: string, scope: CallScope): StoredConnection {
  const connection = store.get(name);
  if (!connection) throw new AwsError('EntityNotFoundException', scope.message('glue.connection.not-found', { name }));
  return connection;
}

function describe(connection: StoredConnection, hidePassword?: boolean): Record<string, unknown> {
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

function withoutCredentials(configuration: Record<string, any>): Record<string, unknown> {
  const { BasicAuthenticationCredentials, CustomAuthenticationCredentials, OAuth2Properties, ...rest } = configuration;
  if (!OAuth2Properties) return rest;
  const { OAuth2Credentials, AuthorizationCodeProperties, ...oauth } = OAuth2Properties;
  return { ...rest, OAuth2Properties: oauth };
}
