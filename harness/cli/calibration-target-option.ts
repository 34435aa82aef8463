import { createRequire } from 'node:module';
import type { CalibrationTarget } from '../calibrate/calibration-target.ts';
import { UsageError } from './exit-codes.ts';

/**
 * `--against aws` or an http(s) endpoint URL, and the region: `--region`, else the SDK's own
 * (AWS_REGION, the profile), else, for an endpoint URL only, us-east-1. Credentials always come
 * from the SDK's default chain, never from the command line.
 */
export async function calibrationTarget(against: string, region: string | undefined): Promise<CalibrationTarget> {
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region ${region}: not a region name; use one such as eu-west-1.`);
  if (against === 'aws') {
    const resolved = region ?? (await sdkRegion());
    if (!resolved) throw new UsageError('--against aws needs a region: give --region (e.g. --region eu-west-1), or set AWS_REGION or a region in your AWS profile.');
    return { name: 'aws', region: resolved };
  }
  let url: URL;
  try {
    url = new URL(against);
  } catch {
    throw new UsageError(`--against ${against}: use aws (real AWS, default credentials) or an endpoint URL such as http://127.0.0.1:4566.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--against: ${url.protocol} is not an endpoint URL; use http:// or https://, or aws.`);
  // Not echoed: it may hold a password.
  if (url.username || url.password) throw new UsageError('--against: the URL carries credentials; remove them (the SDK takes them from its default chain: AWS_PROFILE, AWS_ACCESS_KEY_ID…).');
  const name = `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
  return { name, endpointUrl: name, region: region ?? (await sdkRegion()) ?? 'us-east-1' };
}

/** The region the SDK resolves with none given (the environment, then the shared config files), if any. */
async function sdkRegion(): Promise<string | undefined> {
  const { TransferClient } = createRequire(import.meta.url)('@aws-sdk/client-transfer') as typeof import('@aws-sdk/client-transfer');
  const client = new TransferClient({});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
