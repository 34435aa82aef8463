export { SalesforceFake, type SalesforceClientOptions, type SalesforceCodeOptions } from './salesforce-fake.ts';
export type { StartedSalesforceFake } from './started-salesforce-fake.ts';
export { createJwtAssertion, type JwtAssertionOptions } from './jwt-assertion.ts';
export { generateRsaKeyPair } from './rsa-keys.ts';
export { oauthErrors, type OAuthError } from './salesforce-errors.ts';
export { DEFAULT_RUN_AS_USER } from './salesforce-org.ts';
export { TOKEN_PATH } from './token-endpoint.ts';
export { JWT_BEARER_GRANT } from './grants/jwt-bearer.ts';
