import { createHmac } from 'node:crypto';
import createDebug from 'debug';
import { http, type HttpHandler, type HttpResponseResolver } from 'msw';
import { authorizationCodeGrant } from './grants/authorization-code.ts';
import { clientCredentialsGrant } from './grants/client-credentials.ts';
import { refuse, type Grant, type GrantOutcome } from './grants/grant.ts';
import { JWT_BEARER_GRANT, jwtBearerGrant } from './grants/jwt-bearer.ts';
import type { SalesforceContext } from './salesforce-context.ts';
import { oauthErrorResponse, oauthErrors, tokenResponse } from './salesforce-errors.ts';
import { clientCredentials, readTokenParams } from './token-request.ts';

const log = createDebug('partner-harness:fake:oauth');

export const TOKEN_PATH = '/services/oauth2/token';

const GRANTS: Readonly<Record<string, Grant>> = {
  client_credentials: clientCredentialsGrant,
  authorization_code: authorizationCodeGrant,
  [JWT_BEARER_GRANT]: jwtBearerGrant,
};

/** `POST` (and, for Glue's TokenUrlParametersMap, `GET`) `/services/oauth2/token`. */
export function tokenEndpoint(context: SalesforceContext): HttpHandler[] {
  const resolver: HttpResponseResolver = async ({ request }) => {
    const params = await readTokenParams(request);
    const grantType = params.get('grant_type');
    const grant = grantType !== undefined && Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
    const outcome = grant
      ? await grant(params, context.org)
      : refuse(oauthErrors.unsupportedGrantType, { clientId: clientCredentials(params).clientId });
    const response = outcome.ok ? issue(context, outcome, new URL(request.url).origin) : oauthErrorResponse(outcome.error);
    record(context, grantType, outcome, response.status);
    return response;
  };
  return [http.post(`*${TOKEN_PATH}`, resolver), http.get(`*${TOKEN_PATH}`, resolver)];
}

function issue(context: SalesforceContext, outcome: GrantOutcome & { ok: true }, instanceUrl: string): Response {
  const { org, tokens } = context;
  const issuedAt = Date.now();
  const accessToken = tokens.issue({ clientId: outcome.clientId, user: outcome.user }, issuedAt);
  const id = `${instanceUrl}/id/${org.orgId}/${org.userId(outcome.user)}`;
  // Salesforce signs id + issued_at with the consumer secret so clients can check the answer;
  // a JWT-only app has no secret, so the key is empty there [INF].
  const signature = createHmac('sha256', org.app(outcome.clientId)?.secret ?? '')
    .update(`${id}${issuedAt}`)
    .digest('base64');
  // No expires_in: Salesforce does not send one, clients learn of expiry from a 401.
  return tokenResponse({
    access_token: accessToken,
    instance_url: instanceUrl,
    id,
    token_type: 'Bearer',
    issued_at: String(issuedAt),
    signature,
  });
}

// Only names we know: a client that pastes a secret into the wrong field must not leak it here.
function grantName(grantType: string | undefined): string | null {
  if (grantType === undefined) return null;
  return Object.hasOwn(GRANTS, grantType) ? grantType : 'unsupported';
}

function record(context: SalesforceContext, grantType: string | undefined, outcome: GrantOutcome, status: number): void {
  const detail = {
    grantType: grantName(grantType),
    clientId: outcome.clientId ?? null,
    user: outcome.user ?? null,
    outcome: outcome.ok ? 'issued' : outcome.error.error,
    ...(outcome.ok ? {} : { description: outcome.error.description }),
    status,
  };
  context.record('token', detail);
  log('token %s client=%s -> %s', detail.grantType, detail.clientId, detail.outcome);
}
