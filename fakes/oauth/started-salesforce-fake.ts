import type { RequestHandler } from 'msw';
import type { StartedFake } from '../shared/started-fake.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';

/** A running Salesforce org: login host and instance on one URL. */
export interface StartedSalesforceFake extends StartedFake {
  /** `http://host:port`, no trailing slash: both the login host and the instance. */
  getUrl(): string;
  /** `${getUrl()}/services/oauth2/token`: what goes in Glue's OAuth2Properties.TokenUrl. */
  getTokenUrl(): string;
  /** The `instance_url` every token answer carries: the same as getUrl(). */
  getInstanceUrl(): string;
  /** Runtime overrides, tried before withHandlers() and the built-in routes; this instance only. */
  use(...handlers: RequestHandler[]): void;
  /** Drops every use() override. */
  resetHandlers(): void;
  /** Every token issued so far answers 401 INVALID_SESSION_ID from now on; new grants still work. */
  revokeAllTokens(): void;
  /**
   * `token` entries (grant type, client id, user, outcome), `api` entries (path, session state,
   * status) and one `request` entry per HTTP request. Never secrets, assertions, codes or tokens.
   */
  getTranscript(): TranscriptEntry[];
  /** Idempotent: closes the listener and every socket. */
  stop(): Promise<void>;
}
