import type { KeyObject } from 'node:crypto';

/** A connected app, as withClient() registered it. */
export interface ConnectedApp {
  clientId: string;
  secret?: string;
  /** Parsed at withClient() so a bad PEM fails there, not at the first token request. */
  jwtPublicKey?: KeyObject;
  redirectUris: readonly string[];
}

/** One pending authorization code, as withAuthorizationCode() registered it. */
export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  user?: string;
}

export interface SalesforceOrgConfig {
  apps: ReadonlyMap<string, ConnectedApp>;
  users: readonly string[];
  codes: ReadonlyMap<string, AuthorizationCode>;
  audience: string;
  tokenLifetimeSeconds: number;
}

/** Salesforce's client-credentials flow runs as a configured user; without withUser() we use this one. */
export const DEFAULT_RUN_AS_USER = 'integration@fake.salesforce.invalid';

// Salesforce ids: a key prefix (00D org, 005 user) then 15 characters; the 3-character suffix is a checksum we fake.
const ORG_ID = '00D000000000001AAA';

/** The mutable state of one started fake: apps, users and the codes still unused. */
export class SalesforceOrg {
  readonly orgId = ORG_ID;
  readonly audience: string;
  readonly tokenLifetimeSeconds: number;
  readonly #apps: ReadonlyMap<string, ConnectedApp>;
  readonly #users: readonly string[];
  readonly #codes: Map<string, AuthorizationCode>;
  readonly #usedCodes = new Set<string>();

  constructor(config: SalesforceOrgConfig) {
    this.#apps = config.apps;
    this.#users = config.users;
    this.#codes = new Map(config.codes);
    this.audience = config.audience;
    this.tokenLifetimeSeconds = config.tokenLifetimeSeconds;
  }

  app(clientId: string | undefined): ConnectedApp | undefined {
    return clientId === undefined ? undefined : this.#apps.get(clientId);
  }

  hasUser(username: string): boolean {
    return this.#users.includes(username);
  }

  /** Who a token belongs to when the grant names nobody: the first withUser(), else a stand-in. */
  defaultUser(): string {
    return this.#users[0] ?? DEFAULT_RUN_AS_USER;
  }

  userId(username: string): string {
    const index = this.#users.indexOf(username) + 1;
    return `005${String(index).padStart(12, '0')}AAA`;
  }

  /** 'used' once redeemed: Salesforce codes are single use. */
  code(code: string | undefined): AuthorizationCode | 'used' | undefined {
    if (code === undefined) return undefined;
    return this.#usedCodes.has(code) ? 'used' : this.#codes.get(code);
  }

  redeemCode(code: string): void {
    this.#codes.delete(code);
    this.#usedCodes.add(code);
  }
}
