import type { AuthContext } from 'ssh2';
import type { ProviderSession } from '../../core/identity-provider/index.ts';
import { parsePublicKey, type ParsedPublicKey } from '../../core/ssh/index.ts';
import type { Recorder } from '../shared/transcript.ts';
import { ALL_METHODS, decidePublicKey, type AuthOutcome } from './authenticate.ts';
import { callIdentityProvider } from './call-identity-provider.ts';
import type { ResolvedIdentityProvider } from './identity-provider.ts';
import { LogicalFs } from './logical-fs.ts';
import { normalizePath, type SftpFs, type VirtualFs } from './virtual-fs.ts';

export interface ProviderAuthDeps {
  provider: ResolvedIdentityProvider;
  /** The shared store that PATH and LOGICAL homes point into. */
  storage: VirtualFs;
  sourceIp: string;
  /** Aborted when the client goes away or the fake stops; nothing is answered after that. */
  signal: AbortSignal;
  refuseAll: boolean;
  record: Recorder;
}

/** The decision, and for an accepted login the user's view of the store. */
export interface ProviderLogin {
  outcome: AuthOutcome;
  fs?: SftpFs;
}

/**
 * Decides one USERAUTH_REQUEST for a user not defined locally, as a Transfer server with a custom
 * identity provider does: ask the provider (with the password, or without one for a key), then
 * accept only a response with a Role. Answers `ctx` unless the connection is gone by then.
 */
export async function authenticateWithProvider(ctx: AuthContext, deps: ProviderAuthDeps): Promise<ProviderLogin> {
  const login = await decide(ctx, deps);
  const { outcome } = login;
  // Like local users: the fault refuses even the key probe, so the client never gets as far as signing.
  if (outcome.result !== 'rejected' && deps.refuseAll) {
    outcome.result = 'rejected';
    outcome.reason = 'fault refuse-login';
    delete login.fs;
  }
  if (deps.signal.aborted) return login;
  if (outcome.result === 'rejected') ctx.reject(ALL_METHODS);
  else ctx.accept();
  return login;
}

async function decide(ctx: AuthContext, deps: ProviderAuthDeps): Promise<ProviderLogin> {
  const outcome: AuthOutcome = { user: ctx.username, method: ctx.method, result: 'rejected' };
  // 'none', keyboard-interactive and hostbased never reach the provider, as on Transfer.
  if (ctx.method !== 'password' && ctx.method !== 'publickey') return { outcome };
  const password = ctx.method === 'password' ? ctx.password : undefined;
  if (password === '') {
    // Inferred: providers read a blank password as a key login, so sending one could let anyone in.
    return { outcome: { ...outcome, reason: 'identity provider: empty password not sent' } };
  }
  const session = await askProvider(ctx, password, deps);
  if (typeof session === 'string') return { outcome: { ...outcome, reason: `identity provider: ${session}` } };
  if (ctx.method === 'publickey') {
    const decided = decidePublicKey(ctx, readableKeys(session.publicKeys), true);
    Object.assign(outcome, decided.detail);
    if (!decided.accepted) return { outcome };
    if (!ctx.signature) return { outcome: { ...outcome, result: 'key-ok' } };
  }
  try {
    return { outcome: { ...outcome, result: 'accepted' }, fs: viewFor(session, deps.storage) };
  } catch (error) {
    return { outcome: { ...outcome, reason: `identity provider: home directory unusable (${(error as Error).message})` } };
  }
}

/** The checked session, or why there is none (already recorded, password-free). */
async function askProvider(ctx: AuthContext, password: string | undefined, deps: ProviderAuthDeps): Promise<ProviderSession | string> {
  const base = { user: ctx.username, method: ctx.method };
  const request = { serverId: deps.provider.serverId, username: ctx.username, password, protocol: 'SFTP', sourceIp: deps.sourceIp };
  const call = await callIdentityProvider(deps.provider, request, deps.signal);
  const status = call.status === undefined ? {} : { status: call.status };
  const verdict = 'verdict' in call ? call.verdict : undefined;
  if (verdict?.kind === 'success') {
    deps.record('identity-provider', { ...base, ...status, result: 'accepted', ...describeHome(verdict.session) });
    return verdict.session;
  }
  const why = verdict === undefined ? (call as { failure: string }).failure : verdict.kind === 'invalid' ? verdict.problem.reason : 'no Role in response (login refused)';
  const reason = redact(why, password);
  deps.record('identity-provider', { ...base, ...status, result: 'rejected', reason });
  return reason;
}

function describeHome(session: ProviderSession): Record<string, unknown> {
  if (session.homeDirectoryType === 'PATH') return { homeDirectoryType: 'PATH', homeDirectory: homeOf(session) };
  return { homeDirectoryType: 'LOGICAL', homeDirectoryDetails: mappingsOf(session).map(({ entry, target }) => ({ Entry: entry, Target: target })) };
}

// The doc examples return `"PublicKeys": [""]`; entries that are not keys are simply not matches.
function readableKeys(lines: readonly string[]): ParsedPublicKey[] {
  return lines.flatMap((line) => {
    try {
      return [parsePublicKey(line)];
    } catch {
      return [];
    }
  });
}

function viewFor(session: ProviderSession, storage: VirtualFs): SftpFs {
  // Inferred: an S3 prefix needs no creating, so a missing PATH home is created rather than refused.
  return session.homeDirectoryType === 'LOGICAL' ? new LogicalFs(storage, mappingsOf(session)) : storage.withHome(homeOf(session));
}

/** The PATH home in the store ('/' when the provider gave none), normalised. */
const homeOf = (session: ProviderSession) => normalizePath(session.homeDirectory ?? '/', '/');

const mappingsOf = (session: ProviderSession) =>
  (session.homeDirectoryDetails ?? []).map(({ entry, target }) => ({ entry: normalizePath(entry, '/'), target: normalizePath(target, '/') }));

/** A provider (a Lambda especially) may echo what it was sent; the transcript must not. */
function redact(text: string, password: string | undefined): string {
  return password ? text.split(password).join('***') : text;
}
