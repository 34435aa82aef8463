import { parsePublicKey, type ParsedPublicKey } from '../../core/ssh/index.ts';
import { InvalidKeyError, InvalidOptionError } from '../../core/errors/index.ts';

export interface SftpUserOptions {
  /** Accepted for `password` authentication. Never written to the transcript or logs. */
  password?: string;
  /** OpenSSH public key lines (`type base64 [comment]`) accepted for `publickey` authentication. */
  publicKeys?: string[];
  /** Seed files, keyed by path relative to `home` ('/'-separated); parent directories are created. */
  files?: Record<string, string | Uint8Array>;
  /**
   * Where relative paths and REALPATH('.') point. Every user has their own tree
   * rooted at `/` (chroot-like, as on an AWS Transfer server), so the default `/`
   * means the user lands at the top of their own tree.
   */
  home?: string;
}

export type AuthMethod = 'password' | 'publickey';

/** A user as the running fake needs it, with keys already parsed. */
export interface SftpUser {
  name: string;
  password?: string;
  publicKeys: string[];
  authorizedKeys: ParsedPublicKey[];
  files: Record<string, string | Uint8Array>;
  home: string;
  /** What the server lists in USERAUTH_FAILURE: only the methods this user could pass. */
  methods: AuthMethod[];
}

const NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/;

/** Validates eagerly, so a typo fails at withUser(), not as a puzzling login failure later. */
export function toSftpUser(name: string, options: SftpUserOptions): SftpUser {
  const where = `withUser('${name}')`;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidOptionError(`withUser: invalid user name ${JSON.stringify(name)}; use letters, digits and _ . @ - (e.g. 'alice')`);
  }
  const { password, publicKeys = [], files = {}, home = '/' } = options ?? {};
  if (password !== undefined && (typeof password !== 'string' || password === '')) {
    throw new InvalidOptionError(`${where}: password must be a non-empty string or left out`);
  }
  if (!Array.isArray(publicKeys)) {
    throw new InvalidOptionError(`${where}: publicKeys must be an array of OpenSSH public key lines`);
  }
  if (password === undefined && publicKeys.length === 0) {
    throw new InvalidOptionError(`${where}: no password and no publicKeys, so nobody could log in; give one (use withFault({ kind: 'refuse-login' }) to test failed logins)`);
  }
  if (typeof home !== 'string' || !home.startsWith('/')) {
    throw new InvalidOptionError(`${where}: home must be an absolute path like '/' or '/inbox', got ${JSON.stringify(home)}`);
  }
  const authorizedKeys = publicKeys.map((line, i) => {
    try {
      return parsePublicKey(line);
    } catch (error) {
      throw new InvalidKeyError(`${where}: publicKeys[${i}] is not a usable OpenSSH public key line: ${(error as Error).message}`, { cause: error });
    }
  });
  for (const [path, content] of Object.entries(files)) {
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      throw new InvalidOptionError(`${where}: files['${path}'] must be a string or Uint8Array`);
    }
  }
  const methods: AuthMethod[] = [];
  if (authorizedKeys.length > 0) methods.push('publickey');
  if (password !== undefined) methods.push('password');
  return { name, password, publicKeys: [...publicKeys], authorizedKeys, files: { ...files }, home, methods };
}
