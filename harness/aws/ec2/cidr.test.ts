import { describe, expect, it } from 'vitest';
import { availabilityZoneId, availabilityZones } from './availability-zones.ts';
import { addressAt, cidrContains, cidrsOverlap, parseCidr, usableAddresses } from './cidr.ts';
import { isEc2Id, ec2Id } from './ec2-id.ts';

describe('CIDR blocks', () => {
  it('parses dotted quads with a prefix and no host bits, and nothing else', () => {
    expect(parseCidr('10.0.0.0/16')).toEqual({ text: '10.0.0.0/16', base: 167772160, prefix: 16 });
    for (const bad of ['10.0.0.1/16', '10.0.0.256/24', '10.0.0.0/33', '10.0.0/16', ' 10.0.0.0/16', '10.0.0.0', '::/0']) expect(parseCidr(bad)).toBeUndefined();
  });

  it('knows containment, overlap, usable addresses and addresses inside', () => {
    const vpc = parseCidr('10.0.0.0/16')!;
    expect(cidrContains(vpc, parseCidr('10.0.255.0/24')!)).toBe(true);
    expect(cidrContains(vpc, parseCidr('10.1.0.0/24')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('10.0.1.0/24')!, parseCidr('10.0.1.128/25')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.1.0/24')!, parseCidr('10.0.2.0/24')!)).toBe(false);
    expect(usableAddresses(parseCidr('10.0.1.0/24')!)).toBe(251);
    expect(addressAt(parseCidr('10.0.1.0/24')!, 4)).toBe('10.0.1.4');
  });
});

describe('zones and ids', () => {
  it('lists a region\'s zones and names their ids as EC2 does', () => {
    expect(availabilityZones('us-east-1')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(availabilityZones('eu-south-9')).toEqual(['eu-south-9a', 'eu-south-9b', 'eu-south-9c']);
    expect(availabilityZoneId('us-east-1a')).toBe('use1-az1');
    expect(availabilityZoneId('ap-southeast-2c')).toBe('apse2-az3');
  });

  it('makes ids of 17 hex digits and recognises both lengths', () => {
    expect(ec2Id('vpc')).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(isEc2Id('vpc', 'vpc-0a1b2c3d')).toBe(true);
    expect(isEc2Id('vpc', 'vpc-0123456789abcdef0')).toBe(true);
    expect(isEc2Id('vpc', 'subnet-0123456789abcdef0')).toBe(false);
    expect(isEc2Id('vpc', 'vpc-0123456789ABCDEF0')).toBe(false);
  });
});
