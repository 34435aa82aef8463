import type { AuthContext, PublicKeyAuthContext } from 'ssh2';
import { blobFingerprint, type ParsedPublicKey } from '../../core/ssh/index.ts';
import type { SftpUser } from './sftp-user.ts';

export interface AuthOutcome {
  user: string;
  method: string;
  result: 'accepted' | 'rejected' | 'key-ok';
  /** Fingerprint of the offered key for publickey attempts; never the key itself. */
  keyFingerprint?: string;
  keyAlgo?: string;
  reason?: string;
}

export const ALL_METHODS: Array<'publickey' | 'password'> = ['publickey', 'password'];

/**
 * Decides one USERAUTH_REQUEST and says what happened, without secrets.
 * `key-ok` is the publickey probe (no signature yet) that a client sends before signing.
 */
export function authenticate(ctx: AuthContext, users: ReadonlyMap<string, SftpUser>, refuseAll: boolean): AuthOutcome {
  const user = users.get(ctx.username);
  // Unknown users are told the same methods as everyone, so the fake does not reveal who exists.
  const methods = user?.methods ?? ALL_METHODS;
  const outcome: AuthOutcome = { user: ctx.username, method: ctx.method, result: 'rejected' };
  let accepted = false;
  if (ctx.method === 'publickey') {
    const decided = decidePublicKey(ctx, user?.authorizedKeys, user !== undefined);
    Object.assign(outcome, decided.detail);
    accepted = decided.accepted;
    if (accepted && !ctx.signature) outcome.result = 'key-ok';
  } else if (ctx.method === 'password') {
    accepted = user?.password !== undefined && ctx.password === user.password;
  }
  if (!user) outcome.reason = 'unknown user';
  if (accepted && refuseAll) {
    accepted = false;
    outcome.reason = 'fault refuse-login';
  }
  if (accepted) {
    if (outcome.result !== 'key-ok') outcome.result = 'accepted';
    ctx.accept();
  } else {
    outcome.result = 'rejected';
    ctx.reject(methods);
  }
  return outcome;
}

/**
 * Whether the offered key is one of `authorizedKeys` and, once signed, whether the signature verifies.
 * `explain` adds 'key not authorised' (left out for unknown users, who get 'unknown user').
 */
export function decidePublicKey(
  ctx: PublicKeyAuthContext,
  authorizedKeys: readonly ParsedPublicKey[] | undefined,
  explain: boolean,
): { accepted: boolean; detail: Partial<AuthOutcome> } {
  const detail: Partial<AuthOutcome> = { keyAlgo: ctx.key.algo, keyFingerprint: blobFingerprint(ctx.key.data) };
  const match = authorizedKeys?.find((key) => key.blob.equals(ctx.key.data));
  if (!match) return { accepted: false, detail: explain ? { ...detail, reason: 'key not authorised' } : detail };
  if (!ctx.signature) return { accepted: true, detail };
  const valid = ctx.blob !== undefined && match.verify(ctx.blob, ctx.signature, ctx.hashAlgo);
  return { accepted: valid, detail: valid ? detail : { ...detail, reason: 'bad signature' } };
}
