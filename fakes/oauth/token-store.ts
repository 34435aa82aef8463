import { randomBytes } from 'node:crypto';

export interface Session {
  clientId: string;
  user: string;
}

export type SessionCheck =
  | { state: 'valid'; session: Session }
  | { state: 'missing' | 'unknown' | 'expired' | 'revoked'; session?: Session };

interface IssuedToken extends Session {
  expiresAt: number;
  revoked: boolean;
}

/** Access tokens issued by one fake; opaque strings shaped like Salesforce's `00D…!…` session ids. */
export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();

  constructor(
    readonly orgId: string,
    readonly lifetimeSeconds: number,
  ) {}

  issue(session: Session, issuedAt: number): string {
    const token = `${this.orgId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    // Lifetime 0 gives a token that is already expired, for expiry tests.
    this.#tokens.set(token, { ...session, expiresAt: issuedAt + this.lifetimeSeconds * 1000, revoked: false });
    return token;
  }

  check(token: string | undefined, now = Date.now()): SessionCheck {
    if (token === undefined) return { state: 'missing' };
    const issued = this.#tokens.get(token);
    if (!issued) return { state: 'unknown' };
    const session = { clientId: issued.clientId, user: issued.user };
    if (issued.revoked) return { state: 'revoked', session };
    if (now >= issued.expiresAt) return { state: 'expired', session };
    return { state: 'valid', session };
  }

  /** Every token issued so far stops working; later grants issue working tokens again. */
  revokeAll(): void {
    for (const issued of this.#tokens.values()) issued.revoked = true;
  }
}
