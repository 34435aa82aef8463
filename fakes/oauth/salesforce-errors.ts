import { HttpResponse } from 'msw';

/** An OAuth failure as Salesforce's token endpoint reports it: 400 `{error, error_description}`. */
export interface OAuthError {
  error: string;
  description: string;
}

/**
 * The token endpoint's texts. Tags: [OBS] seen as real Salesforce output (Salesforce
 * StackExchange posts, SFDX troubleshooting docs); [INF] invented or inferred for the fake,
 * so scenarios should assert the `error` code and status rather than these words.
 */
export const oauthErrors = {
  /** [OBS] unknown client_id or wrong client_secret. */
  invalidClientCredentials: { error: 'invalid_client', description: 'invalid client credentials' },
  /** [OBS] unknown client_id in the JWT bearer and web-server flows (a different code from the above). */
  unknownClientId: { error: 'invalid_client_id', description: 'client identifier invalid' },
  /** [OBS] bad signature or an assertion Salesforce cannot use; [INF] for a malformed JWT. */
  invalidAssertion: { error: 'invalid_grant', description: 'invalid assertion' },
  /** [OBS] Salesforce answers this for a JWT whose `exp` has passed, as well as for a reused code. */
  expiredAuthorizationCode: { error: 'invalid_grant', description: 'expired authorization code' },
  /** [OBS] the JWT `sub` has not approved the app; [INF] that an unknown user gets the same text. */
  userNotApproved: { error: 'invalid_grant', description: "user hasn't approved this consumer" },
  /** [OBS] JWT `aud` is not the login host. */
  invalidAudience: { error: 'invalid_grant', description: 'audience is invalid' },
  /** [OBS] an authorization code Salesforce never issued (or [INF] issued to another client). */
  invalidAuthorizationCode: { error: 'invalid_grant', description: 'invalid authorization code' },
  /**
   * [OBS] text, [INF] code: the authorize endpoint says `redirect_uri_mismatch` with this text;
   * for the token exchange we answer `invalid_grant`.
   */
  redirectUriMismatch: { error: 'invalid_grant', description: 'redirect_uri must match configuration' },
  /** [OBS] unknown or missing grant_type. */
  unsupportedGrantType: { error: 'unsupported_grant_type', description: 'grant type not supported' },
} as const satisfies Record<string, OAuthError>;

// Salesforce sends these on every token answer; clients must not cache tokens.
const TOKEN_HEADERS = { 'cache-control': 'no-cache,must-revalidate,max-age=0,no-store,private' };

export function oauthErrorResponse({ error, description }: OAuthError): Response {
  return HttpResponse.json({ error, error_description: description }, { status: 400, headers: TOKEN_HEADERS });
}

export function tokenResponse(body: Record<string, string>): Response {
  return HttpResponse.json(body, { headers: TOKEN_HEADERS });
}

/** [OBS] the REST API's body for a missing, unknown, expired or revoked session: an array. */
export function invalidSession(): Response {
  return HttpResponse.json([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], {
    status: 401,
    headers: { 'www-authenticate': 'Token' },
  });
}

/** [OBS] the REST API's answer for a path it does not know. */
export function notFound(): Response {
  return HttpResponse.json([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], { status: 404 });
}

/** [OBS] shape of Salesforce's unexpected-error body; the ErrorId is invented. */
export function unknownException(): Response {
  return HttpResponse.json(
    [{ message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 0-fake', errorCode: 'UNKNOWN_EXCEPTION' }],
    { status: 500 },
  );
}
