import ipaddr from 'ipaddr.js';
import { InvalidOptionError } from '../../core/errors/index.ts';

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses CIDRs eagerly so a typo fails at build time, not as a mysterious refused login. */
export function parseCidrs(list: readonly string[], where: string): Cidr[] {
  if (!Array.isArray(list)) throw new InvalidOptionError(`${where}: ipAllowList must be an array of CIDRs like '10.0.0.0/8', got ${JSON.stringify(list)}`);
  return list.map((cidr) => {
    try {
      return ipaddr.parseCIDR(cidr);
    } catch {
      throw new InvalidOptionError(`${where}: invalid CIDR ${JSON.stringify(cidr)} in ipAllowList; use a form like '203.0.113.0/24' or '2001:db8::/32'`);
    }
  });
}

/** An empty list allows everyone; otherwise the source IP must parse and fall in one range. */
export function isAllowed(sourceIp: string | undefined, cidrs: readonly Cidr[]): boolean {
  if (cidrs.length === 0) return true;
  if (sourceIp === undefined || !ipaddr.isValid(sourceIp)) return false;
  // process() turns ::ffff:1.2.3.4 into 1.2.3.4 so IPv4 ranges still apply.
  const address = ipaddr.process(sourceIp);
  return cidrs.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}
