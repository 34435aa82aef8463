import { RequestHandler } from 'msw';
import { EndpointBuilder } from '../shared/endpoint-builder.ts';
import { readRsaPublicKey } from './rsa-keys.ts';
import type { AuthorizationCode, ConnectedApp } from './salesforce-org.ts';
import { StartedEmbeddedSalesforceFake } from './started-embedded-salesforce-fake.ts';
import type { StartedSalesforceFake } from './started-salesforce-fake.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

export interface SalesforceClientOptions {
  /** The consumer secret; needed for client_credentials, checked in authorization_code when set. */
  secret?: string;
  /** SPKI PEM of the certificate's key, to verify JWT bearer assertions. */
  jwtPublicKeyPem?: string;
  /** Callback URLs; a withAuthorizationCode() redirect URI must be one of them when any are given. */
  redirectUris?: string[];
}

export interface SalesforceCodeOptions {
  clientId: string;
  redirectUri: string;
  /** Whose token the code yields; default the first withUser(). */
  user?: string;
}

/**
 * A fake Salesforce org: the OAuth2 token endpoint and a sliver of the REST API, as msw handlers
 * behind a real HTTP server. `await using sf = await new SalesforceFake().withClient('app', { secret }).start()`.
 */
export class SalesforceFake extends EndpointBuilder {
  #audience = 'https://login.salesforce.com';
  #tokenLifetimeSeconds = 3600;
  readonly #apps = new Map<string, ConnectedApp>();
  readonly #users: string[] = [];
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #handlers: RequestHandler[] = [];

  withClient(clientId: string, options: SalesforceClientOptions = {}): this {
    requireText('withClient', 'clientId', clientId);
    if (this.#apps.has(clientId)) throw new InvalidOptionError(`withClient: client ${JSON.stringify(clientId)} is already registered; use one withClient() per client id`);
    if (options.secret !== undefined) requireText('withClient', 'secret', options.secret);
    const redirectUris = options.redirectUris ?? [];
    for (const uri of redirectUris) requireHttpUrl('withClient', uri);
    const jwtPublicKey = options.jwtPublicKeyPem === undefined ? undefined : readRsaPublicKey(options.jwtPublicKeyPem, 'withClient');
    this.#apps.set(clientId, {
      clientId,
      redirectUris: [...redirectUris],
      ...(options.secret !== undefined ? { secret: options.secret } : {}),
      ...(jwtPublicKey ? { jwtPublicKey } : {}),
    });
    return this;
  }

  /** A user a JWT `sub` may name (the app is taken as approved for every known user). */
  withUser(username: string): this {
    requireText('withUser', 'username', username);
    if (!this.#users.includes(username)) this.#users.push(username);
    return this;
  }

  /** A code the authorization_code grant redeems once, as if the user had just approved the app. */
  withAuthorizationCode(code: string, options: SalesforceCodeOptions): this {
    requireText('withAuthorizationCode', 'code', code);
    if (this.#codes.has(code)) throw new InvalidOptionError('withAuthorizationCode: that code is already registered; codes are single use, register a new one');
    requireText('withAuthorizationCode', 'clientId', options.clientId);
    requireHttpUrl('withAuthorizationCode', options.redirectUri);
    if (options.user !== undefined) requireText('withAuthorizationCode', 'user', options.user);
    this.#codes.set(code, { clientId: options.clientId, redirectUri: options.redirectUri, ...(options.user !== undefined ? { user: options.user } : {}) });
    return this;
  }

  /** The JWT `aud` the token endpoint accepts. Default `https://login.salesforce.com`. */
  withAudience(aud: string): this {
    requireText('withAudience', 'aud', aud);
    this.#audience = aud;
    return this;
  }

  /** How long access tokens live; 0 issues tokens that are already expired. Default 3600. */
  withTokenLifetime(seconds: number): this {
    if (!Number.isInteger(seconds) || seconds < 0) throw new InvalidOptionError(`withTokenLifetime: invalid ${JSON.stringify(seconds)}; use whole seconds >= 0 (0 = already expired)`);
    this.#tokenLifetimeSeconds = seconds;
    return this;
  }

  /** Extra msw handlers, tried before the built-in routes in the order given. */
  withHandlers(...handlers: RequestHandler[]): this {
    for (const handler of handlers) {
      if (!(handler instanceof RequestHandler)) throw new InvalidOptionError('withHandlers: expected msw request handlers such as http.post(...)');
    }
    this.#handlers.push(...handlers);
    return this;
  }

  async start(): Promise<StartedSalesforceFake> {
    this.#checkCodes();
    return StartedEmbeddedSalesforceFake.start({
      ...this.endpoint(),
      audience: this.#audience,
      tokenLifetimeSeconds: this.#tokenLifetimeSeconds,
      apps: new Map(this.#apps),
      users: [...this.#users],
      codes: new Map(this.#codes),
      handlers: [...this.#handlers],
    });
  }

  // Checked at start() so the with*() calls may come in any order.
  #checkCodes(): void {
    for (const { clientId, redirectUri, user } of this.#codes.values()) {
      const app = this.#apps.get(clientId);
      if (!app) throw new InvalidOptionError(`withAuthorizationCode: unknown client ${JSON.stringify(clientId)}; register it with withClient() first`);
      if (app.redirectUris.length > 0 && !app.redirectUris.includes(redirectUri)) {
        throw new InvalidOptionError(`withAuthorizationCode: redirect URI ${JSON.stringify(redirectUri)} is not one of client ${JSON.stringify(clientId)}'s redirectUris`);
      }
      if (user !== undefined && !this.#users.includes(user)) throw new InvalidOptionError(`withAuthorizationCode: unknown user ${JSON.stringify(user)}; add it with withUser()`);
    }
  }
}

function requireText(where: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidOptionError(`${where}: ${name} must be a non-empty string, got ${JSON.stringify(value)}`);
}

function requireHttpUrl(where: string, value: unknown): void {
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/$.?#][^\s]*$/.test(value)) {
    throw new InvalidOptionError(`${where}: invalid redirect URI ${JSON.stringify(value)}; use an http(s) URL like 'https://app.example.com/callback'`);
  }
}
