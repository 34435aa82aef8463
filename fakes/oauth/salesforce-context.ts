import type { SalesforceOrg } from './salesforce-org.ts';
import type { TokenStore } from './token-store.ts';

/** What the built-in handlers of one started fake share. */
export interface SalesforceContext {
  readonly org: SalesforceOrg;
  readonly tokens: TokenStore;
  /** Appends to the fake's transcript; callers pass ids and outcomes, never secrets or tokens. */
  record(kind: string, detail: Record<string, unknown>): void;
}
