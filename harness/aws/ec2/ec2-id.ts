import { randomBytes } from 'node:crypto';

/** EC2's resource ids: a prefix and 17 lower-case hex digits, e.g. `vpc-0123456789abcdef0`. */
export function ec2Id(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
}

/** Both lengths EC2 has issued: 8 hex digits (before 2018) and 17. */
export function isEc2Id(prefix: string, id: string): boolean {
  return id.startsWith(`${prefix}-`) && /^(?:[0-9a-f]{8}|[0-9a-f]{17})$/.test(id.slice(prefix.length + 1));
}
