import type { Faker } from '@faker-js/faker';
import type { IdpUser } from './idp-user.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

export interface FakeIdpUsersOptions {
  role?: string;
  bucket?: string;
}

const DEFAULT_ROLE = 'arn:aws:iam::111122223333:role/partner-harness-transfer-user';
const DEFAULT_BUCKET = 'partner-harness-bucket';
const SYMBOLS = ['!', '#', '%', '+', '=', '?', '^', '~'];

/** Realistic password users with PATH homes; the same seed gives the same users. */
export function fakeIdpUsers(faker: Faker, count: number, options: FakeIdpUsersOptions = {}): IdpUser[] {
  if (!Number.isInteger(count) || count < 0) throw new InvalidOptionError(`fakeIdpUsers: count must be a non-negative integer, got ${JSON.stringify(count)}`);
  const role = options.role ?? DEFAULT_ROLE;
  const bucket = options.bucket ?? DEFAULT_BUCKET;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new InvalidOptionError(`fakeIdpUsers: invalid S3 bucket name ${JSON.stringify(bucket)}`);
  const taken = new Set<string>();
  const users: IdpUser[] = [];
  for (let i = 0; i < count; i++) {
    const username = unique(transferUsername(faker.internet.username()), taken);
    users.push({ username, password: strongPassword(faker), role, homeDirectoryType: 'PATH', homeDirectory: `/${bucket}/home/${username}` });
  }
  return users;
}

/** Fits Transfer's `[\w][\w@.-]{2,99}`, lowercased because the AWS toolkit lowercases. */
export function transferUsername(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^\w@.-]/g, '_')
    .replace(/^[@.-]+/, '');
  return (name.length >= 3 ? name : `${name}user`.padEnd(3, '0')).slice(0, 100);
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 95)}_${n}`;
  taken.add(candidate);
  return candidate;
}

/** 20 characters with every class present, so password-policy checks pass. */
function strongPassword(faker: Faker): string {
  const chars = [
    ...faker.internet.password({ length: 16, memorable: false }),
    faker.string.alpha({ length: 1, casing: 'upper' }),
    faker.string.alpha({ length: 1, casing: 'lower' }),
    faker.string.numeric(1),
    faker.helpers.arrayElement(SYMBOLS),
  ];
  return faker.helpers.shuffle(chars).join('');
}
