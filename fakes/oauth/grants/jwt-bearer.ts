import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { oauthErrors, type OAuthError } from '../salesforce-errors.ts';
import { refuse, type Grant } from './grant.ts';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

// Salesforce tolerates some clock skew; how much is not documented, so a few seconds [INF].
const CLOCK_TOLERANCE_SECONDS = 5;

/** `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`: an RS256 assertion signed by the app. */
export const jwtBearerGrant: Grant = async (params, org) => {
  const assertion = params.get('assertion');
  const claims = decodeClaims(assertion);
  if (!assertion || !claims) return refuse(oauthErrors.invalidAssertion);
  const clientId = typeof claims.iss === 'string' ? claims.iss : undefined;
  const user = typeof claims.sub === 'string' ? claims.sub : undefined;
  const app = org.app(clientId);
  if (!app) return refuse(oauthErrors.unknownClientId, { clientId, user });
  if (!app.jwtPublicKey) return refuse(oauthErrors.invalidAssertion, { clientId, user });
  try {
    await jwtVerify(assertion, app.jwtPublicKey, {
      algorithms: ['RS256'],
      issuer: app.clientId,
      audience: org.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    });
  } catch (error) {
    return refuse(verifyFailure(error), { clientId, user });
  }
  if (user === undefined || !org.hasUser(user)) return refuse(oauthErrors.userNotApproved, { clientId, user });
  return { ok: true, clientId: app.clientId, user };
};

function decodeClaims(assertion: string | undefined): JWTPayload | undefined {
  try {
    return assertion ? decodeJwt(assertion) : undefined;
  } catch {
    return undefined;
  }
}

function verifyFailure(error: unknown): OAuthError {
  if (error instanceof errors.JWTExpired) return oauthErrors.expiredAuthorizationCode;
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return oauthErrors.invalidAudience;
  return oauthErrors.invalidAssertion;
}
