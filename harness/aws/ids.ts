import { randomBytes, randomUUID } from 'node:crypto';

/** Resource ids in the formats AWS uses. */
export const ids = {
  /** Transfer connector: `c-` + 17 lower-case hex (model pattern `c-([0-9a-f]{17})`). */
  connector: () => `c-${hex(17)}`,
  /** Transfer server: `s-` + 17 lower-case hex. */
  server: () => `s-${hex(17)}`,
  /** Secrets Manager appends `-` + 6 random alphanumerics to the secret name in its ARN. */
  secretSuffix: () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  },
  version: () => randomUUID(),
};

function hex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

export function arn(service: string, region: string, accountId: string, resource: string): string {
  return `arn:aws:${service}:${region}:${accountId}:${resource}`;
}
