import { isIP } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { formatPath, hint, InvalidOptionError } from '../../../core/errors/index.ts';

/** Transfer's protocols for a login (TestIdentityProvider's ServerProtocol; AS2 has no login). */
export const IDP_PROTOCOLS = ['SFTP', 'FTP', 'FTPS'] as const;
export type IdpProtocol = (typeof IDP_PROTOCOLS)[number];

/** One user to try, its password read (never printed); no password means a public-key login. */
export interface IdpProbeUser {
  username: string;
  password?: string;
  protocol: IdpProtocol;
  /** Undefined: TestIdentityProvider's own default. */
  sourceIp?: string;
  expect: 'success' | 'failed-login';
}

export const MAX_IDP_USERS = 200;
export const MAX_USERS_FILE_BYTES = 256 * 1024;

const USER_FIELDS = ['username', 'password', 'passwordEnv', 'protocol', 'sourceIp', 'expect'];

const userSchema = z
  .object({
    // Transfer's own UserName rules are TestIdentityProvider's to apply, with AWS's words.
    username: z.string().min(1).max(1000),
    password: z.string().min(1, 'an empty password is a key login to Transfer: leave password out for one').max(1024).optional(),
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
    protocol: z.enum(IDP_PROTOCOLS).default('SFTP'),
    sourceIp: z.string().refine((ip) => isIP(ip) !== 0, 'must be an IPv4 or IPv6 address').optional(),
    expect: z.enum(['success', 'failed-login']).default('success'),
  })
  .strict()
  .refine((user) => user.password === undefined || user.passwordEnv === undefined, { message: 'give password or passwordEnv, not both', path: ['passwordEnv'] });

const usersFileSchema = z.object({ users: z.array(userSchema).min(1).max(MAX_IDP_USERS) }).strict();

/** How to fix each field, said after what is wrong with it. */
const FIXES: Record<string, string> = {
  username: 'give the user name as the client types it',
  password: 'prefer passwordEnv: NAME, so that the file holds no secret',
  passwordEnv: 'give the name of an environment variable that holds the password, e.g. ACME_ALICE_PASSWORD',
  protocol: `use one of ${IDP_PROTOCOLS.join(', ')}`,
  sourceIp: 'give the client address the provider sees, e.g. 198.51.100.7',
  expect: "use 'success' or 'failed-login'",
  users: `list 1 to ${MAX_IDP_USERS} users: users: [{ username: alice, passwordEnv: ALICE_PASSWORD }]`,
};

/**
 * Reads and checks `--users`: YAML or JSON, `users: [{ username, password?, passwordEnv?,
 * protocol?, sourceIp?, expect? }]`. Every mistake names the file, the field and the fix, and
 * never quotes a value (it may be a password). passwordEnv is read from `env` here.
 */
export async function readIdpUsersFile(file: string, env: NodeJS.ProcessEnv = process.env): Promise<IdpProbeUser[]> {
  const refuse = (where: string, why: string, fix: string) => new InvalidOptionError(`--users ${file}: ${where}: ${why}`, { fix });
  let text: string;
  try {
    if ((await stat(file)).size > MAX_USERS_FILE_BYTES) throw refuse('(file)', `larger than ${MAX_USERS_FILE_BYTES / 1024} KiB`, `list at most ${MAX_IDP_USERS} users`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof InvalidOptionError) throw error;
    throw refuse('(file)', 'cannot read it', 'give a YAML or JSON file: users: [{ username: alice, passwordEnv: ALICE_PASSWORD }]');
  }
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    // The parser's first line says what and where; the lines after it quote the file.
    throw refuse('(file)', `not YAML or JSON (${(error as Error).message.split('\n')[0]})`, 'fix the syntax at that line');
  }
  const parsed = usersFileSchema.safeParse(data);
  if (!parsed.success) throw describeIssue(parsed.error.issues[0]!, refuse);
  return parsed.data.users.map((user, i) => {
    const { passwordEnv, password: inline, ...rest } = user;
    const password = passwordEnv === undefined ? inline : env[passwordEnv];
    if (passwordEnv !== undefined && !password) throw refuse(`users[${i}].passwordEnv`, `the environment variable ${passwordEnv} is not set`, 'export it with the password (it is never printed)');
    return { ...rest, ...(password === undefined ? {} : { password }) };
  });
}

function describeIssue(issue: z.core.$ZodIssue, refuse: (where: string, why: string, fix: string) => InvalidOptionError): InvalidOptionError {
  const where = formatPath(issue.path) || '(file)';
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    const known = where.startsWith('users[') ? USER_FIELDS : ['users'];
    return refuse(where, `unknown field '${key}'.${hint(key!, known)}`, `a ${known === USER_FIELDS ? 'user' : 'users file'} takes ${known.join(', ')}`);
  }
  const field = issue.path.filter((part): part is string => typeof part === 'string').at(-1) ?? 'users';
  return refuse(where, issue.message, FIXES[field] ?? FIXES.users!);
}
