import type { AuthenticationConfigurationInput, OAuth2PropertiesInput } from '@aws-sdk/client-glue';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import type { WireInput } from '../../endpoint/wire-shape.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import type { MessageId } from '../../messages/all-messages.ts';

/** The Salesforce REST API version the test call uses. */
export const SALESFORCE_API_VERSION = 'v60.0';

type OAuth2Input = WireInput<OAuth2PropertiesInput>;

const GRANT_TYPES: Record<string, string> = {
  CLIENT_CREDENTIALS: 'client_credentials',
  JWT_BEARER: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  AUTHORIZATION_CODE: 'authorization_code',
};

/**
 * Glue TestConnection for SALESFORCE: a real OAuth2 token request against TokenUrl, then a
 * real REST call against the instance with the token. Secrets come from the
 * AuthenticationConfiguration's SecretArn (USER_MANAGED_CLIENT_APPLICATION_CLIENT_SECRET,
 * JWT_TOKEN, …) or from inline OAuth2Credentials.
 */
export async function testSalesforce(
  properties: Record<string, string>,
  authentication: WireInput<AuthenticationConfigurationInput> | undefined,
  context: EmulatorContext,
  scope: CallScope,
): Promise<Record<string, never>> {
  const invalid = (id: MessageId, params: Record<string, string | number> = {}) => new AwsError('InvalidInputException', scope.message(id, params));
  if (!authentication) throw invalid('glue.salesforce.missing-authentication');
  if (authentication.AuthenticationType !== 'OAUTH2') throw invalid('glue.salesforce.unsupported-authentication', { type: String(authentication.AuthenticationType) });
  const oauth: OAuth2Input = authentication.OAuth2Properties ?? {};
  if (!oauth.TokenUrl) throw invalid('glue.salesforce.missing-property', { property: 'AuthenticationConfiguration.OAuth2Properties.TokenUrl' });
  if (!properties.INSTANCE_URL) throw invalid('glue.salesforce.missing-property', { property: 'ConnectionProperties.INSTANCE_URL' });
  const grant = oauth.OAuth2GrantType ?? 'AUTHORIZATION_CODE';
  const stored = readSecret(authentication.SecretArn, context);
  if (stored === undefined) {
    throw invalid('glue.jdbc.secret-unreadable', { secretId: authentication.SecretArn ?? '', reason: scope.catalogue.render('secretsmanager.secret.not-found').text });
  }
  const secrets = { ...stored, ...inlineCredentials(oauth) };
  for (const value of Object.values(secrets)) scope.redactor.add(value);
  scope.redactor.add(oauth.AuthorizationCodeProperties?.AuthorizationCode);

  const form = new URLSearchParams({ ...oauth.TokenUrlParametersMap, grant_type: GRANT_TYPES[grant] ?? grant });
  const clientId = oauth.OAuth2ClientApplication?.UserManagedClientApplicationClientId;
  if (grant === 'JWT_BEARER') {
    form.set('assertion', secrets.JWT_TOKEN ?? '');
  } else {
    if (clientId) form.set('client_id', clientId);
    if (secrets.USER_MANAGED_CLIENT_APPLICATION_CLIENT_SECRET) form.set('client_secret', secrets.USER_MANAGED_CLIENT_APPLICATION_CLIENT_SECRET);
    if (grant === 'AUTHORIZATION_CODE') {
      form.set('code', oauth.AuthorizationCodeProperties?.AuthorizationCode ?? '');
      form.set('redirect_uri', oauth.AuthorizationCodeProperties?.RedirectUri ?? '');
    }
  }
  scope.note('oauth2-token-request', { tokenUrl: oauth.TokenUrl, grant, clientId });
  const timeoutMs = context.options.connectTimeoutMs;
  const token = await call(oauth.TokenUrl, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, timeoutMs, scope);
  if (token.status !== 200) {
    const body = asObject(token.body);
    throw invalid('glue.salesforce.token-error', {
      tokenUrl: oauth.TokenUrl,
      status: token.status,
      error: String(body.error ?? 'unknown_error'),
      description: String(body.error_description ?? token.text.slice(0, 200)),
    });
  }
  const accessToken = String(asObject(token.body).access_token ?? '');
  scope.redactor.add(accessToken);
  const apiUrl = `${properties.INSTANCE_URL.replace(/\/+$/, '')}/services/data/${SALESFORCE_API_VERSION}/limits`;
  const api = await call(apiUrl, { headers: { authorization: `Bearer ${accessToken}` } }, timeoutMs, scope);
  scope.note('salesforce-api', { url: apiUrl, status: api.status });
  if (api.status !== 200) {
    const first = Array.isArray(api.body) ? asObject(api.body[0]) : asObject(api.body);
    const detail = first.errorCode ? `${first.errorCode}: ${first.message}` : api.text.slice(0, 200);
    throw invalid('glue.salesforce.api-error', { url: apiUrl, status: api.status, detail });
  }
  return {};
}

/** The SecretArn's JSON fields; undefined when the secret cannot be read at all. */
function readSecret(arn: string | undefined, context: EmulatorContext): Record<string, string> | undefined {
  if (!arn) return {};
  const secret = context.secrets.find(arn);
  const value = secret && !secret.deletedDate ? context.secrets.current(secret)?.secretString : undefined;
  if (value === undefined) return undefined;
  const parsed = safeJson(value);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
}

function inlineCredentials(oauth: OAuth2Input): Record<string, string> {
  const credentials = oauth.OAuth2Credentials ?? {};
  const out: Record<string, string> = {};
  if (credentials.UserManagedClientApplicationClientSecret) out.USER_MANAGED_CLIENT_APPLICATION_CLIENT_SECRET = credentials.UserManagedClientApplicationClientSecret;
  if (credentials.JwtToken) out.JWT_TOKEN = credentials.JwtToken;
  if (credentials.AccessToken) out.ACCESS_TOKEN = credentials.AccessToken;
  if (credentials.RefreshToken) out.REFRESH_TOKEN = credentials.RefreshToken;
  return out;
}

async function call(url: string, init: RequestInit, timeoutMs: number, scope: CallScope): Promise<{ status: number; text: string; body: unknown }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    return { status: response.status, text, body: safeJson(text) };
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    const reason = err.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} seconds` : (err.cause?.code ?? err.message);
    throw new AwsError('InvalidInputException', scope.message('glue.salesforce.unreachable', { url, reason }));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
