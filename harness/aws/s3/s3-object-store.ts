import { InvalidOptionError } from '../../../core/errors/index.ts';

/** The largest object the store keeps: a certificate or a small file, not a data lake. */
export const MAX_S3_OBJECT_BYTES = 1024 * 1024;

/**
 * Objects that emulated services read from S3 by location (Glue's CUSTOM_JDBC_CERT), keyed
 * `s3://bucket/key`. S3 itself is not emulated on the wire: objects are placed here with
 * `AwsEndpoint.withS3Object()` or a scenario's `given.s3Objects`, as a user would upload them.
 */
export class S3ObjectStore {
  readonly #objects = new Map<string, Buffer>();

  put(location: string, body: string | Uint8Array): void {
    const problem = s3LocationProblem(location);
    if (problem) throw new InvalidOptionError(`S3 object ${location}: ${problem}`, { fix: 'Give it as s3://bucket/key, e.g. s3://partner-certs/acme/root.pem' });
    const bytes = Buffer.from(body);
    if (bytes.length > MAX_S3_OBJECT_BYTES) throw new InvalidOptionError(`S3 object ${location} has ${bytes.length} bytes`, { fix: `Keep it under ${MAX_S3_OBJECT_BYTES} bytes` });
    this.#objects.set(location, bytes);
  }

  get(location: string): Buffer | undefined {
    return this.#objects.get(location);
  }
}

/** Why `location` is not `s3://bucket/key`, or undefined when it is. */
export function s3LocationProblem(location: string): string | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!match) return 'not an s3://bucket/key location';
  // S3's bucket naming rules, in short: 3 to 63 lowercase letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(match[1]!)) return `bucket ${match[1]} is not a valid S3 bucket name`;
  return undefined;
}
