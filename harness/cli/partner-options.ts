import { X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ConnectorCredentials } from '../probe/sftp/predict-policies.ts';
import { UsageError } from './exit-codes.ts';

/** The options `probe` and `drift` share: how to reach the partner, log in and report. */
export const PARTNER_OPTIONS = {
  json: { type: 'boolean' },
  junit: { type: 'string' },
  timeout: { type: 'string' },
  'password-env': { type: 'string' },
  'private-key': { type: 'string' },
  'secret-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `probe` takes: the shared options, and those of one kind of target (refused for the others). */
export const PROBE_OPTIONS = {
  ...PARTNER_OPTIONS,
  save: { type: 'string' },
  html: { type: 'string' },
  'require-policy': { type: 'string', multiple: true },
  'trusted-host-key': { type: 'string', multiple: true },
  user: { type: 'string' },
  'ca-file': { type: 'string' },
} as const;

export interface ProbeValues {
  json?: boolean;
  junit?: string;
  save?: string;
  html?: string;
  'password-env'?: string;
  'private-key'?: string;
  'secret-file'?: string;
  'require-policy'?: string[];
  'trusted-host-key'?: string[];
  user?: string;
  'ca-file'?: string;
}

/** Options that mean nothing for this kind of target are refused, not ignored. */
export function refuseOptions(values: ProbeValues, names: Array<keyof ProbeValues>, what: string): void {
  const given = names.filter((name) => values[name] !== undefined);
  if (given.length > 0) throw new UsageError(`${given.map((name) => `--${name}`).join(', ')}: not taken for ${what}`);
}

/** --timeout in milliseconds, 10000 by default. */
export function parseTimeout(value: string | undefined): number {
  const timeoutMs = value === undefined ? 10_000 : Number(value);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) throw new UsageError(`--timeout ${value}: give milliseconds between 100 and 600000, e.g. --timeout 10000`);
  return timeoutMs;
}

/** A file option (--junit, --save, --html) whose folder does not exist is refused before the partner is probed. */
export function checkOutputFolder(option: string, file: string | undefined): void {
  if (file !== undefined && !existsSync(dirname(file))) throw new UsageError(`--${option} ${file}: the folder ${dirname(file)} does not exist; create it or write elsewhere`);
}

/** The files the options name (a secret's JSON, a private key, a certificate) are small: 64 KiB at most, checked before reading. */
const MAX_OPTION_FILE_BYTES = 64 * 1024;

/** Reads the file an option names, or says why not (never quoting it: it may hold a secret). */
async function readOptionFile(option: string, file: string, expected: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new UsageError(`--${option} ${file}: cannot read it; give ${expected}`);
  }
  if (size > MAX_OPTION_FILE_BYTES) throw new UsageError(`--${option} ${file}: ${size} bytes is more than ${expected} holds (at most ${MAX_OPTION_FILE_BYTES})`);
  return readFile(file, 'utf8');
}

/** --secret-file's JSON object; `form` shows the fields expected. */
async function readSecretJson(file: string, form: string): Promise<Record<string, unknown>> {
  const text = await readOptionFile('secret-file', file, `the secret's JSON, ${form}`);
  try {
    const fields = JSON.parse(text) as unknown;
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) return fields as Record<string, unknown>;
  } catch {
    // The parser's message may quote the file: say only what is wrong, below.
  }
  throw new UsageError(`--secret-file ${file}: not a JSON object; write the secret as ${form}`);
}

/** The password in the variable --password-env names; never printed. */
function readPasswordEnv(name: string): string {
  const password = process.env[name];
  if (!password) throw new UsageError(`--password-env ${name}: that environment variable is not set; export it with the password (it is never printed)`);
  return password;
}

/** The connector's login from --secret-file, --password-env or --private-key; undefined for none. */
export async function readCredentials(values: { 'password-env'?: string; 'private-key'?: string; 'secret-file'?: string }, urlUser: string | undefined): Promise<ConnectorCredentials | undefined> {
  const given = (['password-env', 'private-key', 'secret-file'] as const).filter((name) => values[name] !== undefined);
  if (given.length === 0) return undefined;
  if (given.length > 1) throw new UsageError(`give one of --password-env, --private-key and --secret-file, not ${given.map((name) => `--${name}`).join(' and ')}`);
  if (values['secret-file'] !== undefined) {
    const file = values['secret-file'];
    const { Username, Password, PrivateKey } = await readSecretJson(file, '{"Username": "…", "Password": "…"} or with "PrivateKey"');
    if (typeof Username !== 'string' || Username === '' || (typeof Password !== 'string' && typeof PrivateKey !== 'string')) {
      throw new UsageError(`--secret-file ${file}: needs Username and Password or PrivateKey, as the connector's secret in Secrets Manager`);
    }
    return { username: Username, ...(typeof Password === 'string' ? { password: Password } : {}), ...(typeof PrivateKey === 'string' ? { privateKey: PrivateKey } : {}) };
  }
  if (!urlUser) throw new UsageError('give the user name in the URL (sftp://user@host) with --password-env or --private-key');
  if (values['password-env'] !== undefined) return { username: urlUser, password: readPasswordEnv(values['password-env']) };
  return { username: urlUser, privateKey: await readOptionFile('private-key', values['private-key']!, 'an unencrypted OpenSSH or PEM private key file') };
}

/**
 * A database login: --user with --password-env, or --secret-file holding Glue's secret JSON
 * ({"username": …, "password": …}, as SECRET_ID reads it); undefined for none.
 */
export async function readDatabaseCredentials(values: ProbeValues): Promise<{ user: string; password: string } | undefined> {
  if (values['secret-file'] !== undefined) {
    if (values['password-env'] !== undefined || values.user !== undefined) throw new UsageError('give --secret-file, or --user with --password-env, not both');
    const file = values['secret-file'];
    const { username, password } = await readSecretJson(file, '{"username": "…", "password": "…"}');
    if (typeof username !== 'string' || username === '' || typeof password !== 'string') throw new UsageError(`--secret-file ${file}: needs username and password, as a Glue connection's secret (SECRET_ID)`);
    return { user: username, password };
  }
  if (values['password-env'] === undefined) {
    if (values.user !== undefined) throw new UsageError('--user needs --password-env NAME (the variable holding the password)');
    return undefined;
  }
  if (!values.user) throw new UsageError('--password-env needs --user NAME: JDBC URLs carry no user here');
  return { user: values.user, password: readPasswordEnv(values['password-env']) };
}

/** --ca-file: the partner's root CA certificate (PEM), the root a Glue connection's CUSTOM_JDBC_CERT would name. */
export async function readCaFile(file: string): Promise<string> {
  const expected = "the partner's root CA certificate in PEM (-----BEGIN CERTIFICATE-----)";
  const pem = await readOptionFile('ca-file', file, expected);
  try {
    new X509Certificate(pem);
    return pem;
  } catch {
    throw new UsageError(`--ca-file ${file}: not a PEM certificate; give ${expected}`);
  }
}

/** `sftp://[user@]host[:port]`, port 22 by default; anything else is a usage error with an example. */
export function parseSftpTarget(text: string): { host: string; port: number; username?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`'${text}' is not a URL: give sftp://[user@]host[:port], e.g. sftp://acme@sftp.partner.example.com:22`);
  }
  if (url.protocol !== 'sftp:') throw new UsageError(`'${text}': probe takes sftp:// URLs, e.g. sftp://sftp.partner.example.com`);
  if (url.password) {
    // Not echoed: the message would print the password it warns about.
    url.password = '***';
    throw new UsageError(`'${url.href}': remove the password from the sftp:// URL (it ends up in shell history and logs); probe logs in with no credential`);
  }
  if (!url.hostname) throw new UsageError(`'${text}' has no host, e.g. sftp://sftp.partner.example.com`);
  if ((url.pathname && url.pathname !== '/') || url.search || url.hash) throw new UsageError(`'${text}': give only sftp://[user@]host[:port], without a path or query`);
  return {
    // IPv6 literals come bracketed from URL: ssh2 takes them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 22,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
  };
}

