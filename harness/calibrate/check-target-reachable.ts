import { AwsClients } from '../scenario/aws-clients.ts';
import type { CalibrationTarget } from './calibration-target.ts';

/** A cheap read-only call per service, to tell "the target cannot be reached" from what the scenarios find. */
const PREFLIGHT: Record<string, [operation: string, input: Record<string, unknown>]> = {
  transfer: ['ListConnectors', { MaxResults: 1 }],
  glue: ['GetConnections', { MaxResults: 1 }],
  secretsmanager: ['ListSecrets', { MaxResults: 1 }],
  ec2: ['DescribeVpcs', { MaxResults: 5 }],
};

export type Reachability = { reachable: true } | { reachable: false; why: 'unreachable' | 'no-credentials'; message: string };

/**
 * Asks the target something before any scenario runs, with the service the scenarios call. Any
 * answer with an HTTP status (an access denial included) means it is there.
 */
export async function checkTargetReachable(target: CalibrationTarget, service: string): Promise<Reachability> {
  const preflight = PREFLIGHT[service];
  if (!preflight) return { reachable: true };
  const clients = new AwsClients({ mode: 'aws', region: target.region, endpoint: target.endpointUrl, requestTimeoutMs: 10_000 });
  try {
    const outcome = await clients.call(service, ...preflight);
    // The SDK puts network failures (refused, unknown host, TLS) in errors without an HTTP status.
    if (outcome.error && outcome.httpStatus === undefined) return { reachable: false, why: 'unreachable', message: outcome.error.message };
    return { reachable: true };
  } catch (error) {
    if ((error as Error).name === 'CredentialsProviderError') return { reachable: false, why: 'no-credentials', message: (error as Error).message };
    return { reachable: false, why: 'unreachable', message: (error as Error).message };
  } finally {
    clients.destroy();
  }
}
