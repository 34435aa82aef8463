import { oauthErrors } from '../salesforce-errors.ts';
import { clientCredentials } from '../token-request.ts';
import { refuse, secretMatches, type Grant } from './grant.ts';

/** `grant_type=client_credentials`: the app's own secret, from the form or HTTP Basic. */
export const clientCredentialsGrant: Grant = (params, org) => {
  const { clientId, secret } = clientCredentials(params);
  const app = org.app(clientId);
  // Salesforce gives one answer for an unknown app and a wrong secret, so callers learn nothing.
  if (!app || app.secret === undefined || !secretMatches(secret, app.secret)) {
    return refuse(oauthErrors.invalidClientCredentials, { clientId });
  }
  return { ok: true, clientId: app.clientId, user: org.defaultUser() };
};
