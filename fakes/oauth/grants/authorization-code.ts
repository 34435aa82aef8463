import { oauthErrors } from '../salesforce-errors.ts';
import { clientCredentials } from '../token-request.ts';
import { refuse, secretMatches, type Grant } from './grant.ts';

/** `grant_type=authorization_code`: redeems a withAuthorizationCode() code, once. */
export const authorizationCodeGrant: Grant = (params, org) => {
  const { clientId, secret } = clientCredentials(params);
  const app = org.app(clientId);
  if (!app) return refuse(oauthErrors.unknownClientId, { clientId });
  // An app without a secret stands for "Require Secret for Web Server Flow" turned off.
  if (app.secret !== undefined && !secretMatches(secret, app.secret)) {
    return refuse(oauthErrors.invalidClientCredentials, { clientId });
  }
  const value = params.get('code');
  const code = org.code(value);
  if (code === 'used') return refuse(oauthErrors.expiredAuthorizationCode, { clientId });
  if (!code || code.clientId !== app.clientId) return refuse(oauthErrors.invalidAuthorizationCode, { clientId });
  const user = code.user ?? org.defaultUser();
  if (params.get('redirect_uri') !== code.redirectUri) return refuse(oauthErrors.redirectUriMismatch, { clientId, user });
  // Only a successful exchange uses the code up, so a client can retry after fixing redirect_uri.
  org.redeemCode(value!);
  return { ok: true, clientId: app.clientId, user };
};
