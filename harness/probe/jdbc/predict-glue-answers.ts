import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Glue from '@aws-sdk/client-glue';
import { AwsEndpoint, type Provenance } from '../../aws/index.ts';
import type { DatabaseTarget } from './database-server-scan.ts';
import { GLUE_TLS_SETTINGS, type GlueTlsSetting } from './glue-tls-settings.ts';

/** Where the prediction places the root certificate for CUSTOM_JDBC_CERT, as a user would upload it. */
export const PROBE_ROOT_LOCATION = 's3://partner-harness-probe/root.pem';

/** What Glue TestConnection would answer for a JDBC connection with one TLS setting. */
export interface GlueAnswerPrediction {
  setting: GlueTlsSetting;
  /** The TLS connection properties, as they would be set (CUSTOM_JDBC_CERT names where the root goes). */
  properties: Record<string, string>;
  status: 'OK' | 'ERROR';
  /** The exception Glue raises (InvalidInputException, OperationTimeoutException), and its message. */
  exception?: string;
  message?: string;
  provenance?: Provenance;
  /** Why no answer is predicted (the CUSTOM_JDBC_CERT settings without a root certificate). */
  skipped?: string;
}

export interface PredictGlueOptions {
  target: DatabaseTarget;
  /** With credentials each answer is a real login; without, a probe user with a random password (the answer shows what fails before authentication). */
  credentials?: { user: string; password: string };
  /** The root for CUSTOM_JDBC_CERT: given by the user, or the server's self-signed certificate. */
  rootCertificatePem?: string;
  timeoutMs: number;
}

// Loaded when a probe predicts, not with the CLI (the SDK takes a tenth of a second).
const require = createRequire(import.meta.url);

/**
 * Asks the emulator itself, through the real Glue SDK, what TestConnection answers for a JDBC
 * connection to this server under each TLS setting: the same code path as emulated scenarios.
 * The endpoint runs in this process on 127.0.0.1 and is stopped on every path.
 */
export async function predictGlueAnswers(options: PredictGlueOptions): Promise<GlueAnswerPrediction[]> {
  const { GlueClient, TestConnectionCommand } = require('@aws-sdk/client-glue') as typeof Glue;
  const builder = new AwsEndpoint().withConnectTimeout(options.timeoutMs);
  if (options.rootCertificatePem) builder.withS3Object(PROBE_ROOT_LOCATION, options.rootCertificatePem);
  const endpoint = await builder.start();
  const glue = new GlueClient(endpoint.getClientConfig());
  const { target } = options;
  const login = options.credentials ?? { user: 'partner-harness-probe', password: randomBytes(18).toString('base64url') };
  try {
    const predictions: GlueAnswerPrediction[] = [];
    for (const [setting, template] of Object.entries(GLUE_TLS_SETTINGS) as Array<[GlueTlsSetting, Record<string, string>]>) {
      const properties = Object.fromEntries(Object.entries(template).map(([key, value]) => [key, value === 'ROOT' ? PROBE_ROOT_LOCATION : value]));
      if (properties.CUSTOM_JDBC_CERT && !options.rootCertificatePem) {
        predictions.push({ setting, properties, status: 'ERROR', skipped: 'no root certificate: the server sent no self-signed root; give the partner\'s CA with --ca-file' });
        continue;
      }
      const url = `jdbc:${target.engine}://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}/${target.database ?? (target.engine === 'postgresql' ? 'postgres' : '')}`;
      const input = { ConnectionType: 'JDBC' as const, ConnectionProperties: { JDBC_CONNECTION_URL: url, USERNAME: login.user, PASSWORD: login.password, ...properties } };
      try {
        const answer = await glue.send(new TestConnectionCommand({ TestConnectionInput: input }));
        predictions.push({ setting, properties, status: 'OK', ...provenanceOf(endpoint, answer.$metadata.requestId) });
      } catch (error) {
        const failed = error as Error & { $metadata?: { requestId?: string } };
        if (!failed.$metadata) throw error;
        predictions.push({ setting, properties, status: 'ERROR', exception: failed.name, message: failed.message, ...provenanceOf(endpoint, failed.$metadata.requestId) });
      }
    }
    return predictions;
  } finally {
    glue.destroy();
    await endpoint.stop();
  }
}

function provenanceOf(endpoint: { getCall(id: string): { messages: Array<{ provenance: Provenance }> } | undefined }, requestId: string | undefined): { provenance?: Provenance } {
  const message = endpoint.getCall(requestId ?? '')?.messages.at(-1);
  return message ? { provenance: message.provenance } : {};
}
