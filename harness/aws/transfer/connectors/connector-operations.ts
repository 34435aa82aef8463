import type {
  CreateConnectorCommandInput,
  CreateConnectorCommandOutput,
  DeleteConnectorCommandInput,
  DeleteConnectorCommandOutput,
  DescribeConnectorCommandInput,
  DescribeConnectorCommandOutput,
  ListConnectorsCommandInput,
  ListConnectorsCommandOutput,
  UpdateConnectorCommandInput,
  UpdateConnectorCommandOutput,
} from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import { paginate } from '../../endpoint/paginate.ts';
import type { WireInput, WireOutput } from '../../endpoint/wire-shape.ts';
import type { MessageId } from '../../messages/all-messages.ts';
import type { TransferState } from '../transfer-state.ts';
import { connectorSecurityPolicies, DEFAULT_CONNECTOR_SECURITY_POLICY } from './connector-security-policies.ts';
import type { ConnectorStore, StoredConnector } from './connector-store.ts';
import { parseTrustedHostKey } from './trusted-host-key.ts';

export const createConnector = defineOperation<CreateConnectorCommandInput, CreateConnectorCommandOutput, TransferState>({
  name: 'CreateConnector',
  handle(input, { scope, state, emulator }) {
    checkConnectorRules(input, scope, { creating: true, sftp: Boolean(input.SftpConfig), vpcLattice: Boolean(input.EgressConfig) });
    const connector = state.connectors.create(scope.region, scope.accountId, {
      Url: input.Url,
      AccessRole: input.AccessRole,
      LoggingRole: input.LoggingRole,
      SecurityPolicyName: input.SecurityPolicyName ?? (input.SftpConfig ? DEFAULT_CONNECTOR_SECURITY_POLICY : undefined),
      SftpConfig: input.SftpConfig,
      As2Config: input.As2Config,
      EgressConfig: input.EgressConfig,
      IpAddressType: input.IpAddressType ?? 'IPV4',
      Tags: input.Tags,
      // "For VPC egress type connectors, DNS resolution may take several minutes after creation.
      // During this time, the connector status will be PENDING" (SFTP connectors tutorial).
      activeAt: Date.now() + (input.EgressConfig ? emulator.options.vpcLatticeConnectorPendingMs : 0),
    });
    return { ConnectorId: connector.ConnectorId };
  },
});

export const describeConnector = defineOperation<DescribeConnectorCommandInput, DescribeConnectorCommandOutput, TransferState>({
  name: 'DescribeConnector',
  handle(input, { scope, state }) {
    return { Connector: describe(findConnector(state.connectors, input.ConnectorId, scope)) };
  },
});

export const updateConnector = defineOperation<UpdateConnectorCommandInput, UpdateConnectorCommandOutput, TransferState>({
  name: 'UpdateConnector',
  handle(input, { scope, state }) {
    const connector = findConnector(state.connectors, input.ConnectorId, scope);
    checkConnectorRules(input, scope, {
      creating: false,
      sftp: Boolean(connector.SftpConfig),
      vpcLattice: Boolean(input.EgressConfig ?? connector.EgressConfig),
      storedHostKeys: connector.SftpConfig?.TrustedHostKeys,
    });
    for (const key of ['Url', 'AccessRole', 'LoggingRole', 'SecurityPolicyName', 'As2Config', 'EgressConfig', 'IpAddressType'] as const) {
      if (input[key] !== undefined) Object.assign(connector, { [key]: input[key] });
    }
    // SftpConfig members are merged: UserSecretId is optional on update.
    if (input.SftpConfig) connector.SftpConfig = { ...connector.SftpConfig, ...input.SftpConfig };
    return { ConnectorId: connector.ConnectorId };
  },
});

export const deleteConnector = defineOperation<DeleteConnectorCommandInput, DeleteConnectorCommandOutput, TransferState>({
  name: 'DeleteConnector',
  handle(input, { scope, state }) {
    findConnector(state.connectors, input.ConnectorId, scope);
    state.connectors.delete(input.ConnectorId);
    return {};
  },
});

export const listConnectors = defineOperation<ListConnectorsCommandInput, ListConnectorsCommandOutput, TransferState>({
  name: 'ListConnectors',
  handle(input, { scope, state }) {
    const { page, nextToken } = paginate(state.connectors.list(), input, { scope, defaultSize: 1000, messageId: 'transfer.list.invalid-next-token' });
    return { Connectors: page.map((c) => ({ Arn: c.Arn, ConnectorId: c.ConnectorId, Url: c.Url })), NextToken: nextToken };
  },
});

export const connectorOperations = [createConnector, describeConnector, updateConnector, deleteConnector, listConnectors];

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

type DescribedConnector = WireOutput<DescribeConnectorCommandOutput>['Connector'];

/** A VPC_LATTICE connector is PENDING for a while after it is created (EmulatorOptions.vpcLatticeConnectorPendingMs). */
export function isPending(connector: StoredConnector): boolean {
  return Date.now() < connector.activeAt;
}

function describe(stored: StoredConnector): DescribedConnector {
  const { activeAt: _internal, ...connector } = stored;
  return {
    ...connector,
    // UpdateConnector stores EgressConfig as given, where ResourceConfigurationArn is optional;
    // what AWS answers for an update that leaves it out is unknown, so it is answered back as stored.
    EgressConfig: connector.EgressConfig as DescribedConnector['EgressConfig'],
    EgressType: connector.EgressConfig ? 'VPC_LATTICE' : 'SERVICE_MANAGED',
    Status: isPending(stored) ? 'PENDING' : 'ACTIVE',
    // Documentation-range addresses (RFC 5737): this emulator has no real egress IPs.
    ServiceManagedEgressIpAddresses: connector.EgressConfig ? undefined : ['192.0.2.10', '192.0.2.11'],
  };
}

/** Rules the model cannot express; texts are in the catalogue (mostly inferred). */
function checkConnectorRules(
  input: WireInput<CreateConnectorCommandInput | UpdateConnectorCommandInput>,
  scope: CallScope,
  { creating, sftp, vpcLattice, storedHostKeys = [] }: { creating: boolean; sftp: boolean; vpcLattice: boolean; storedHostKeys?: string[] },
): void {
  const invalid = (id: MessageId, params: Record<string, string> = {}) =>
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
  // "the only accepted trusted host key format is key-type key-body without the host name" for
  // VPC_LATTICE connectors (API_SftpConnectorConfig), also for keys kept from before an update.
  if (vpcLattice && (input.SftpConfig?.TrustedHostKeys ?? storedHostKeys).some((key) => {
    const parsed = parseTrustedHostKey(key);
    return parsed.ok && parsed.key.hostPrefixed;
  })) {
    throw invalid('transfer.connector.host-key-with-host-name');
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
