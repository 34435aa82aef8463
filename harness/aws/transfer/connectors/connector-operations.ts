import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { OperationHandler } from '../../endpoint/emulated-service.ts';
import { paginate } from '../../endpoint/paginate.ts';
import { connectorSecurityPolicies, DEFAULT_CONNECTOR_SECURITY_POLICY } from './connector-security-policies.ts';
import type { ConnectorStore, StoredConnector } from './connector-store.ts';
import { parseTrustedHostKey } from './trusted-host-key.ts';

/** CreateConnector, DescribeConnector, UpdateConnector, DeleteConnector, ListConnectors. */
export function connectorOperations(store: ConnectorStore): Record<string, OperationHandler> {
  return {
    CreateConnector(input, scope) {
      checkConnectorRules(input, scope, { creating: true, sftp: Boolean(input.SftpConfig) });
      const connector = store.create(scope.region, scope.accountId, {
        Url: input.Url,
        AccessRole: input.AccessRole,
        LoggingRole: input.LoggingRole,
        SecurityPolicyName: input.SecurityPolicyName ?? (input.SftpConfig ? DEFAULT_CONNECTOR_SECURITY_POLICY : undefined),
        SftpConfig: input.SftpConfig,
        As2Config: input.As2Config,
        EgressConfig: input.EgressConfig,
        IpAddressType: input.IpAddressType ?? 'IPV4',
        Tags: input.Tags,
      });
      return { ConnectorId: connector.ConnectorId };
    },

    DescribeConnector(input, scope) {
      return { Connector: describe(findConnector(store, input.ConnectorId, scope)) };
    },

    UpdateConnector(input, scope) {
      const connector = findConnector(store, input.ConnectorId, scope);
      checkConnectorRules(input, scope, { creating: false, sftp: Boolean(connector.SftpConfig) });
      for (const key of ['Url', 'AccessRole', 'LoggingRole', 'SecurityPolicyName', 'As2Config', 'EgressConfig', 'IpAddressType'] as const) {
        if (input[key] !== undefined) (connector as unknown as Record<string, unknown>)[key] = input[key];
      }
      // SftpConfig members are merged: UserSecretId is optional on update.
      if (input.SftpConfig) connector.SftpConfig = { ...connector.SftpConfig, ...input.SftpConfig };
      return { ConnectorId: connector.ConnectorId };
    },

    DeleteConnector(input, scope) {
      findConnector(store, input.ConnectorId, scope);
      store.delete(input.ConnectorId);
      return {};
    },

    ListConnectors(input, scope) {
      const { page, nextToken } = paginate(store.list(), input, { scope, defaultSize: 1000, messageId: 'transfer.list.invalid-next-token' });
      return { Connectors: page.map((c) => ({ Arn: c.Arn, ConnectorId: c.ConnectorId, Url: c.Url })), NextToken: nextToken };
    },
  };
}

export function findConnector(store: ConnectorStore, id: string, scope: CallScope): StoredConnector {
  const connector = store.get(id);
  if (!connector) {
    throw new AwsError('ResourceNotFoundException', scope.message('transfer.connector.not-found'), 400, {
      Resource: id,
      ResourceType: 'Connector',
    });
  }
  return connector;
}

function describe(connector: StoredConnector): Record<string, unknown> {
  return {
    ...connector,
    EgressType: connector.EgressConfig ? 'VPC_LATTICE' : 'SERVICE_MANAGED',
    Status: 'ACTIVE',
    // Documentation-range addresses (RFC 5737): this emulator has no real egress IPs.
    ServiceManagedEgressIpAddresses: connector.EgressConfig ? undefined : ['192.0.2.10', '192.0.2.11'],
  };
}

/** Rules the model cannot express; texts are in the catalogue (mostly inferred). */
function checkConnectorRules(
  input: Record<string, any>,
  scope: CallScope,
  { creating, sftp }: { creating: boolean; sftp: boolean },
): void {
  const invalid = (id: string, params: Record<string, string> = {}) =>
    new AwsError('InvalidRequestException', scope.message(id, params));
  if (creating && Boolean(input.As2Config) === Boolean(input.SftpConfig)) throw invalid('transfer.connector.config-required');
  if (input.SftpConfig) {
    if (creating && !input.SftpConfig.UserSecretId) throw invalid('transfer.connector.secret-required');
    if (creating && !input.Url && !input.EgressConfig) throw invalid('transfer.connector.url-required');
    for (const key of input.SftpConfig.TrustedHostKeys ?? []) {
      const parsed = parseTrustedHostKey(key);
      if (!parsed.ok && parsed.reason === 'unsupported-type') {
        throw invalid('transfer.connector.unsupported-host-key-type', { keyType: parsed.keyType! });
      }
      if (!parsed.ok) throw invalid('transfer.connector.invalid-host-key');
    }
  }
  if (input.Url !== undefined && sftp && !parseSftpUrl(input.Url)) {
    throw invalid('transfer.connector.invalid-url', { url: input.Url });
  }
  if (input.SecurityPolicyName && !Object.hasOwn(connectorSecurityPolicies, input.SecurityPolicyName)) {
    throw invalid('transfer.connector.unknown-security-policy', { name: input.SecurityPolicyName });
  }
}

export function parseSftpUrl(url: string): { host: string; port: number } | undefined {
  const match = /^sftp:\/\/(\[[0-9a-fA-F:]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(url);
  if (!match) return undefined;
  const port = match[2] ? Number(match[2]) : 22;
  if (port < 1 || port > 65535) return undefined;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}
