/**
 * One login attempt as a Transfer server puts it to a custom identity provider. Built here once,
 * for the emulator's TestIdentityProvider, the SFTP fake's real logins and the IdP fake's Lambda
 * bridge, so the three can never send different requests for the same attempt.
 *
 * Sources (AWS Transfer Family user guide):
 * - authentication-api-gateway ("Using Amazon API Gateway to integrate your identity provider",
 *   https://docs.aws.amazon.com/transfer/latest/userguide/authentication-api-gateway.html) and
 *   gateway-api-tutorial (its basic stack template): `GET {Url}/servers/{serverId}/users/{username}/config`
 *   with `protocol` and `sourceIp` as query parameters and the password in the `Password` header,
 *   no password for a key login.
 * - custom-lambda-idp: the Lambda event `{username, password?, protocol, serverId, sourceIp}`,
 *   `password` absent for a key login.
 * - API_TestIdentityProvider: `Url` is the invoke URL of that call, without the query.
 */
export interface ProviderRequest {
  serverId: string;
  username: string;
  /** Undefined for a public-key login: no password header, no `password` in the Lambda event. */
  password?: string;
  /** `SFTP`, `FTP`, `FTPS` or `AS2`, as the server was reached. */
  protocol: string;
  /** The client's address. */
  sourceIp: string;
}

/** The event a Transfer server passes to an AWS_LAMBDA identity provider. */
export interface ProviderLambdaEvent {
  username: string;
  password?: string;
  protocol: string;
  serverId: string;
  sourceIp: string;
}

/** The GET for an API_GATEWAY provider. */
export interface ApiGatewayRequest {
  url: URL;
  headers: Record<string, string>;
  /** Set when the password cannot travel in a `Password` header at all; the header is then absent. */
  unsendable?: string;
}

/**
 * The provider URL Transfer reports as TestIdentityProvider's `Url`: no query string. Both path
 * segments are percent-encoded, so no user name or server id can add a segment or a query.
 */
export function providerConfigUrl(base: string, { serverId, username }: Pick<ProviderRequest, 'serverId' | 'username'>): string {
  return `${base.replace(/\/+$/, '')}/servers/${encodeURIComponent(serverId)}/users/${encodeURIComponent(username)}/config`;
}

// Bytes an HTTP header value cannot hold (RFC 9110 field-value: no CTL but HTAB); Node refuses them.
const NOT_IN_A_HEADER = /[\x00-\x08\x0a-\x1f\x7f]/;

export function apiGatewayRequest(base: string, request: ProviderRequest): ApiGatewayRequest {
  const url = new URL(providerConfigUrl(base, request));
  url.searchParams.set('protocol', request.protocol);
  url.searchParams.set('sourceIp', request.sourceIp);
  if (request.password === undefined) return { url, headers: {} };
  // PasswordBase64 carries the password exactly (current AWS templates read it first [INF]).
  const PasswordBase64 = Buffer.from(request.password, 'utf8').toString('base64');
  if (NOT_IN_A_HEADER.test(request.password)) {
    return { url, headers: { PasswordBase64 }, unsendable: 'the password has control characters, which no HTTP Password header can carry' };
  }
  // AWS documents no encoding for Password: it carries the UTF-8 bytes [INF] (Node writes header
  // strings as Latin-1, one byte per char). It goes with every password login, edge spaces and
  // all, although a receiver strips those: without it, a provider that reads only `Password`
  // would take the attempt for a key login.
  return { url, headers: { Password: Buffer.from(request.password, 'utf8').toString('latin1'), PasswordBase64 } };
}

export function lambdaEvent(request: ProviderRequest): ProviderLambdaEvent {
  return {
    username: request.username,
    ...(request.password === undefined ? {} : { password: request.password }),
    protocol: request.protocol,
    serverId: request.serverId,
    sourceIp: request.sourceIp,
  };
}
