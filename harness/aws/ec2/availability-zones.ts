/**
 * The zones a region offers subnets in. Which letters an account sees varies (AZ names are mapped
 * per account), so these are the common sets, not any one account's; a region not listed has
 * a, b and c.
 */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'ab',
  'us-west-2': 'abcd',
  'ap-northeast-1': 'acd',
  'ca-central-1': 'abd',
};

export function availabilityZones(region: string): string[] {
  const letters = Object.hasOwn(ZONE_LETTERS, region) ? ZONE_LETTERS[region]! : 'abc';
  return [...letters].map((letter) => `${region}${letter}`);
}

const DIRECTIONS: Readonly<Record<string, string>> = { east: 'e', west: 'w', central: 'c', north: 'n', south: 's', northeast: 'ne', southeast: 'se', northwest: 'nw', southwest: 'sw' };

/** The zone id EC2 reports beside the name: `use1-az1` for us-east-1a. */
export function availabilityZoneId(zone: string): string {
  const region = zone.slice(0, -1);
  const [area = '', direction = '', number = ''] = region.split('-');
  const index = zone.charCodeAt(zone.length - 1) - 'a'.charCodeAt(0) + 1;
  return `${area}${Object.hasOwn(DIRECTIONS, direction) ? DIRECTIONS[direction] : direction}${number}-az${index}`;
}
