import { createRequire } from 'node:module';
import type * as SecretsManager from '@aws-sdk/client-secrets-manager';
import type * as Transfer from '@aws-sdk/client-transfer';
import { InvalidOptionError } from '../../../core/errors/index.ts';
import { AwsEndpoint, connectorSecurityPolicies, type Provenance } from '../../aws/index.ts';

/** The login a connector would make: a secret's fields. Never printed or saved. */
export interface ConnectorCredentials {
  username: string;
  password?: string;
  privateKey?: string;
}

/** What `TestConnection` would answer under one connector security policy. */
export interface PolicyPrediction {
  name: string;
  status: 'OK' | 'ERROR';
  statusMessage: string;
  hostKey?: string;
  /** Where the message's text comes from: documented, observed or inferred (see the message catalogue). */
  provenance?: Provenance;
  /** What the connector and the server agreed on, when the key exchange finished. */
  negotiated?: NegotiatedAlgorithms;
}

/** The algorithms of one SSH connection (client to server); `mac` is empty with an AEAD cipher such as GCM. */
export interface NegotiatedAlgorithms {
  kex: string;
  serverHostKey: string;
  cipher: string;
  mac: string;
}

export interface PredictOptions {
  host: string;
  port: number;
  /**
   * With credentials, each policy's answer is a real login (one per policy). Without, the
   * connector trusts no host key, so it only negotiates and reads the key, as AWS's own host-key
   * discovery does, and sends no credential: a policy whose algorithms the server does not share
   * answers with the negotiation failure, the others with the key to trust.
   */
  credentials?: ConnectorCredentials;
  trustedHostKeys: string[];
  timeoutMs: number;
}

// Loaded when a probe predicts, not with the CLI (each SDK takes a tenth of a second).
const require = createRequire(import.meta.url);

/**
 * Asks the emulator itself, through the real SDK, what TestConnection answers for a connector to
 * this server under each security policy: one implementation with the emulated endpoint, not a
 * copy of its rules. The endpoint runs in this process on 127.0.0.1 and is stopped on every path.
 */
export async function predictPolicies(options: PredictOptions): Promise<PolicyPrediction[]> {
  const { SecretsManagerClient, CreateSecretCommand } = require('@aws-sdk/client-secrets-manager') as typeof SecretsManager;
  const { TransferClient, CreateConnectorCommand, TestConnectionCommand } = require('@aws-sdk/client-transfer') as typeof Transfer;
  const endpoint = await new AwsEndpoint().withConnectTimeout(options.timeoutMs).start();
  const secrets = new SecretsManagerClient(endpoint.getClientConfig());
  const transfer = new TransferClient(endpoint.getClientConfig());
  try {
    const credentials = options.credentials;
    // Without credentials the connector trusts no key and stops at the host key: this password
    // only satisfies the secret's format and is never sent.
    const secretString = JSON.stringify(
      credentials
        ? { Username: credentials.username, ...(credentials.password ? { Password: credentials.password } : {}), ...(credentials.privateKey ? { PrivateKey: credentials.privateKey } : {}) }
        : { Username: 'partner-harness-probe', Password: 'never-sent' },
    );
    const secret = await secrets.send(new CreateSecretCommand({ Name: 'partner-harness/probe', SecretString: secretString }));
    const predictions: PolicyPrediction[] = [];
    for (const policy of Object.values(connectorSecurityPolicies)) {
      const { ConnectorId } = await createConnector(
        transfer,
        new CreateConnectorCommand({
          Url: `sftp://${options.host.includes(':') ? `[${options.host}]` : options.host}:${options.port}`,
          AccessRole: 'arn:aws:iam::000000000000:role/partner-harness-probe',
          SecurityPolicyName: policy.name,
          SftpConfig: { UserSecretId: secret.ARN, TrustedHostKeys: credentials ? options.trustedHostKeys : [] },
        }),
      );
      const answer = await transfer.send(new TestConnectionCommand({ ConnectorId: ConnectorId! }));
      const call = endpoint.getCall(answer.$metadata.requestId ?? '');
      predictions.push({
        name: policy.name,
        status: answer.Status === 'OK' ? 'OK' : 'ERROR',
        statusMessage: answer.StatusMessage ?? '',
        ...(answer.SftpConnectionDetails?.HostKey ? { hostKey: answer.SftpConnectionDetails.HostKey } : {}),
        ...(call?.messages.at(-1) ? { provenance: call.messages.at(-1)!.provenance } : {}),
        ...negotiatedIn(call?.transcript ?? []),
      });
    }
    return predictions;
  } finally {
    secrets.destroy();
    transfer.destroy();
    await endpoint.stop();
  }
}

/** The emulator's SSH handshake, as its transcript noted it (ssh2's `handshake` event); none when the key exchange failed. */
function negotiatedIn(transcript: Array<{ kind: string; detail: Record<string, unknown> }>): { negotiated?: NegotiatedAlgorithms } {
  const agreed = transcript.find((entry) => entry.kind === 'handshake')?.detail.negotiated as
    | { kex?: unknown; serverHostKey?: unknown; cs?: { cipher?: unknown; mac?: unknown } }
    | undefined;
  const { kex, serverHostKey } = agreed ?? {};
  const { cipher, mac } = agreed?.cs ?? {};
  if (typeof kex !== 'string' || typeof serverHostKey !== 'string' || typeof cipher !== 'string') return {};
  return { negotiated: { kex, serverHostKey, cipher, mac: typeof mac === 'string' ? mac : '' } };
}

/** CreateConnector, its refusal (a trusted key AWS does not take, say) as the user's bad option with AWS's words. */
async function createConnector(transfer: Transfer.TransferClient, command: Transfer.CreateConnectorCommand): Promise<Transfer.CreateConnectorCommandOutput> {
  try {
    return await transfer.send(command);
  } catch (error) {
    const refused = error as Error & { $metadata?: unknown };
    if (!refused.$metadata) throw error;
    throw new InvalidOptionError(`CreateConnector refuses this connector: ${refused.name}: ${refused.message}`, { fix: 'Give --trusted-host-key keys a connector can trust (ssh-rsa or ecdsa-sha2-*, as `<type> <base64>`)' });
  }
}
