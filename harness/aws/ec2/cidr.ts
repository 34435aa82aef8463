/** An IPv4 CIDR block, as EC2 accepts it for VPCs and subnets: dotted quad, prefix, no host bits. */
export interface Cidr {
  readonly text: string;
  /** The network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
}

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const base = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  if (base % 2 ** (32 - prefix) !== 0) return undefined;
  return { text, base, prefix };
}

/** The first and last addresses of the block. */
function range({ base, prefix }: Cidr): [number, number] {
  return [base, base + 2 ** (32 - prefix) - 1];
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  const [outerStart, outerEnd] = range(outer);
  const [innerStart, innerEnd] = range(inner);
  return innerStart >= outerStart && innerEnd <= outerEnd;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const [aStart, aEnd] = range(a);
  const [bStart, bEnd] = range(b);
  return aStart <= bEnd && bStart <= aEnd;
}

/** Addresses of a subnet EC2 lets instances use: all but the five it reserves. */
export function usableAddresses({ prefix }: Cidr): number {
  return Math.max(0, 2 ** (32 - prefix) - 5);
}

/** The address `offset` past the network address, dotted. */
export function addressAt({ base }: Cidr, offset: number): string {
  const address = base + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
