import { readSshKey } from '../../../../core/ssh/index.ts';
import type { TestConnectionCommandInput, TestConnectionCommandOutput } from '@aws-sdk/client-transfer';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import type { TransferState } from '../transfer-state.ts';
import { findConnector, isPending, parseSftpUrl } from '../connectors/connector-operations.ts';
import { connectorSecurityPolicies, DEFAULT_CONNECTOR_SECURITY_POLICY } from '../connectors/connector-security-policies.ts';
import type { StoredConnector } from '../connectors/connector-store.ts';
import { parseTrustedHostKey, type ParsedHostKey } from '../connectors/trusted-host-key.ts';
import { probeSftp, type ProbeFailure } from './ssh-probe.ts';

interface Credentials {
  username: string;
  password?: string;
  privateKey?: string;
}

/**
 * Transfer `TestConnection`: a real SFTP login to the connector's partner. A failed test is
 * still HTTP 200 with `Status: "ERROR"` (API_TestConnection); only a bad request or an unknown
 * connector raises an exception.
 */
export const testConnection = defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput, TransferState>({
  name: 'TestConnection',
  async handle(input, { scope, state, emulator: context }) {
    const connector = findConnector(state.connectors, input.ConnectorId, scope);
    const answer = (status: 'OK' | 'ERROR', message: string, hostKey?: string) => ({
      ConnectorId: connector.ConnectorId,
      Status: status,
      StatusMessage: message,
      ...(hostKey ? { SftpConnectionDetails: { HostKey: hostKey } } : {}),
    });

    if (isPending(connector)) {
      scope.diagnose('connector-pending', 'the VPC_LATTICE connector is still PENDING: its DNS resolution is not done', 'Wait until DescribeConnector answers Status ACTIVE, then test again');
      return answer('ERROR', scope.message('transfer.test-connection.connector-pending'));
    }
    if (context.options.unassumableRoles.includes(connector.AccessRole)) {
      scope.diagnose('access-role', `Transfer cannot assume ${connector.AccessRole} (the scenario's emulator.unassumableRoles)`, 'Let transfer.amazonaws.com assume the role in its trust policy, and give it secretsmanager:GetSecretValue on the connector\'s secret');
      return answer('ERROR', scope.message('transfer.test-connection.access-role'));
    }
    const credentials = readCredentials(connector, context, scope);
    if (typeof credentials === 'string') return answer('ERROR', credentials);

    const target = parseSftpUrl(connector.Url ?? '');
    // Create and update reject such URLs; this guards connectors made some other way.
    if (!target) return answer('ERROR', scope.message('transfer.connector.invalid-url', { url: connector.Url ?? '(none)' }));
    const policy = connectorSecurityPolicies[connector.SecurityPolicyName ?? DEFAULT_CONNECTOR_SECURITY_POLICY]!;
    const trustedHostKeys = (connector.SftpConfig?.TrustedHostKeys ?? [])
      .map(parseTrustedHostKey)
      .flatMap((parsed) => (parsed.ok ? [parsed.key] : [])) satisfies ParsedHostKey[];
    scope.note('connect', { url: connector.Url, securityPolicy: policy.name, username: credentials.username });
    const result = await probeSftp({
      ...target,
      ...credentials,
      policy,
      trustedHostKeys,
      timeoutMs: context.options.connectTimeoutMs,
      note: (kind, detail) => scope.note(kind, detail),
    });
    if (!result.failure) return answer('OK', scope.message('transfer.test-connection.succeeded'), result.hostKey);
    return answer('ERROR', failureMessage(result.failure, target, credentials, context, scope), result.hostKey);
  },
});

function readCredentials(connector: StoredConnector, context: EmulatorContext, scope: CallScope): Credentials | string {
  const secretId = connector.SftpConfig?.UserSecretId ?? '';
  const secret = context.secrets.find(secretId);
  const noAccess = (why: string, fix: string) => {
    scope.diagnose('secret-access', why, fix);
    return scope.message('transfer.test-connection.secret-access');
  };
  if (!secret) return noAccess(`secret ${secretId} was not found`, 'Give SftpConfig.UserSecretId the ARN or name of an existing secret in the connector\'s region');
  if (secret.deletedDate) return noAccess(`secret ${secretId} is marked for deletion`, 'Restore the secret (RestoreSecret) or point the connector at another one');
  const value = context.secrets.current(secret)?.secretString;
  const badFormat = (reason: string) => {
    scope.diagnose('secret-format', reason, 'Store the secret as JSON: {"Username": "…", "Password": "…"} or with "PrivateKey" (an unencrypted OpenSSH or PEM key)');
    return scope.message('transfer.test-connection.secret-format');
  };
  if (value === undefined) return badFormat(`secret ${secretId} has no SecretString`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return badFormat(`secret ${secretId} is not a JSON object with Username and Password or PrivateKey`);
  }
  const fields = (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  scope.redactor.add(fields.Password, fields.PrivateKey);
  if (typeof fields.Username !== 'string' || fields.Username === '') return badFormat(`secret ${secretId} has no Username`);
  for (const key of ['Password', 'PrivateKey'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') return badFormat(`the ${key} in secret ${secretId} is not a string`);
  }
  const password = typeof fields.Password === 'string' && fields.Password !== '' ? fields.Password : undefined;
  const privateKey = typeof fields.PrivateKey === 'string' && fields.PrivateKey !== '' ? fields.PrivateKey : undefined;
  if (!password && !privateKey) return badFormat(`secret ${secretId} has neither Password nor PrivateKey`);
  if (privateKey) {
    try {
      readSshKey(privateKey, 'private key');
    } catch {
      return badFormat(`the PrivateKey in secret ${secretId} is not a valid unencrypted SSH private key`);
    }
  }
  return { username: fields.Username, password, privateKey };
}

function failureMessage(
  failure: ProbeFailure,
  target: { host: string; port: number },
  credentials: Credentials,
  context: EmulatorContext,
  scope: CallScope,
): string {
  const list = (items: string[]) => items.join(', ');
  const at = `${target.host}:${target.port}`;
  switch (failure.kind) {
    case 'unknown-host':
      scope.diagnose('unknown-host', `${target.host} does not resolve`, "Check the host in the connector's Url");
      return scope.message('transfer.test-connection.unknown-host', target);
    case 'refused':
      scope.diagnose('connection-refused', `nothing listens on ${at}`, "Check the port in the connector's Url and that the partner's SFTP server runs");
      return scope.message('transfer.test-connection.connection-refused', target);
    case 'timeout':
      scope.diagnose('timeout', `${at} did not answer within ${context.options.connectTimeoutMs / 1000} s (stage: ${failure.stage})`, "Ask the partner to allow the connector's egress IPs through their firewall");
      return scope.message('transfer.test-connection.timeout', { ...target, seconds: context.options.connectTimeoutMs / 1000 });
    case 'closed':
      scope.diagnose('connection-closed', `${at} closed the connection ${failure.stage}`, 'Ask the partner to check their server log for this connection (a limit on connections, an allow-list, a crash)');
      return scope.message('transfer.test-connection.connection-closed', { ...target, stage: failure.stage });
    case 'negotiation': {
      const id = ({ kex: 'kex-kex', serverHostKey: 'kex-host-key', cipher: 'kex-cipher', hmac: 'kex-mac' } as const)[failure.category];
      const lists = { kex: 'kexs', serverHostKey: 'hostKeyAlgorithms', cipher: 'ciphers', hmac: 'macs' } as const;
      const passing = Object.values(connectorSecurityPolicies)
        .filter((policy) => policy[lists[failure.category]].some((name) => failure.serverOffered.includes(name)))
        .map((policy) => policy.name);
      scope.diagnose(
        `negotiation-${failure.category}`,
        `the connector's security policy and the server share no ${failure.category} algorithm`,
        passing.length > 0 ? `A connector security policy that shares one: ${passing.join(', ')}; or ask the partner to offer one of the policy's` : "Ask the partner to offer one of the connector's algorithms: no connector security policy has theirs",
      );
      return scope.message(`transfer.test-connection.${id}`, {
        clientOffered: list(failure.clientOffered),
        serverOffered: list(failure.serverOffered),
      });
    }
    case 'no-trusted-host-keys':
      scope.diagnose('no-trusted-host-keys', 'the connector trusts no host key; the server\'s is returned in SftpConnectionDetails.HostKey', 'Verify that key with the partner out of band, then add it to the connector\'s TrustedHostKeys');
      return scope.message('transfer.test-connection.no-trusted-host-keys');
    case 'host-key-mismatch':
      scope.diagnose('host-key-mismatch', `the server presented ${failure.hostKeyType} ${failure.fingerprint}, which matches none of the connector's TrustedHostKeys`, 'If the partner confirms the key (a rotation), add the key returned in SftpConnectionDetails.HostKey to TrustedHostKeys');
      return scope.message('transfer.test-connection.host-key-mismatch', failure);
    case 'auth':
      scope.diagnose('authentication-failed', `the server refused ${credentials.username} (tried: ${list(failure.methods)})`, 'Check the Username and Password or PrivateKey in the connector\'s secret with the partner');
      return scope.message('transfer.test-connection.auth-failed', { username: credentials.username, methods: list(failure.methods) });
    case 'sftp-refused':
      scope.diagnose('sftp-refused', 'the login worked but the server refused the sftp subsystem', 'Ask the partner to enable SFTP (Subsystem sftp) for this user');
      return scope.message('transfer.test-connection.sftp-refused');
    case 'other':
      scope.diagnose('connection-failed', failure.reason, 'Compare with the partner\'s server log for this connection');
      return scope.message('transfer.test-connection.failed');
  }
}
