import { posix } from 'node:path';
import ssh2, { type SFTPWrapper } from 'ssh2';
import type { ExpectationResult } from './expectations.ts';
import { matchString } from './expectations.ts';
import type { SftpLoginExpectation } from './scenario-schema.ts';

interface LoginOutcome {
  authenticated: boolean;
  error?: string;
  cwd?: string;
  names?: string[];
  contents: Record<string, string | undefined>;
}

/**
 * Logs in to an SFTP fake as a real client would, then checks where the user landed and what
 * they see: the end-to-end half of an identity-provider scenario.
 */
export async function checkSftpLogin(expected: SftpLoginExpectation, target: { host: string; port: number }): Promise<ExpectationResult[]> {
  const outcome = await login(expected, target);
  const results: ExpectationResult[] = [];
  const push = (field: string, want: unknown, actual: unknown, passed: boolean) => results.push({ field: `sftpLogin.${field}`, expected: want, actual, passed });
  push('authenticated', expected.authenticated, outcome.error ? `${outcome.authenticated} (${outcome.error})` : outcome.authenticated, outcome.authenticated === expected.authenticated);
  if (!outcome.authenticated) return results;
  if (expected.cwd !== undefined) push('cwd', expected.cwd, outcome.cwd, matchString(expected.cwd, outcome.cwd));
  for (const name of expected.lists ?? []) push(`lists.${name}`, 'listed', outcome.names, outcome.names?.includes(name) ?? false);
  for (const [path, content] of Object.entries(expected.reads ?? {})) push(`reads.${path}`, content, outcome.contents[path], outcome.contents[path] === content);
  return results;
}

function login(expected: SftpLoginExpectation, target: { host: string; port: number }): Promise<LoginOutcome> {
  return new Promise((resolve) => {
    const client = new ssh2.Client();
    const outcome: LoginOutcome = { authenticated: false, contents: {} };
    const done = (error?: Error) => {
      if (error && !outcome.error) outcome.error = error.message;
      client.end();
      resolve(outcome);
    };
    client
      .on('ready', () => {
        outcome.authenticated = true;
        client.sftp((err, sftp) => (err ? done(err) : explore(sftp, expected, outcome).then(() => done(), done)));
      })
      .on('error', (err) => done(err))
      .on('close', () => resolve(outcome))
      .connect({
        host: target.host,
        port: target.port,
        username: expected.username,
        password: expected.password,
        privateKey: expected.privateKey,
        readyTimeout: 10_000,
        tryKeyboard: false,
      });
  });
}

async function explore(sftp: SFTPWrapper, expected: SftpLoginExpectation, outcome: LoginOutcome): Promise<void> {
  const call = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void) =>
    new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));
  outcome.cwd = await call<string>((cb) => sftp.realpath('.', cb));
  const entries = await call<Array<{ filename: string }>>((cb) => sftp.readdir(outcome.cwd!, cb as never));
  outcome.names = entries.map((entry) => entry.filename).sort();
  for (const path of Object.keys(expected.reads ?? {})) {
    const full = path.startsWith('/') ? path : posix.join(outcome.cwd, path);
    outcome.contents[path] = await call<Buffer>((cb) => sftp.readFile(full, cb)).then((b) => b.toString('utf8'), () => undefined);
  }
}
