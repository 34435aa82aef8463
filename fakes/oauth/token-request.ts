/** The parameters of one token request, wherever the client put them. */
export interface TokenParams {
  get(name: string): string | undefined;
  /** Client credentials from HTTP Basic auth, if the client sent them that way. */
  basic?: { clientId: string; secret: string };
}

/**
 * Reads query string and form body (the body wins). Glue's TokenUrlParametersMap adds
 * parameters "to the token GET request", so the query string counts as much as the form.
 */
export async function readTokenParams(request: Request): Promise<TokenParams> {
  const params = new URLSearchParams(new URL(request.url).search);
  if (request.method !== 'GET' && isForm(request.headers.get('content-type'))) {
    for (const [name, value] of new URLSearchParams(await request.text())) params.set(name, value);
  }
  const basic = readBasic(request.headers.get('authorization'));
  return { get: (name) => params.get(name) ?? undefined, ...(basic ? { basic } : {}) };
}

function isForm(contentType: string | null): boolean {
  // curl -d without a type and some clients send no content-type at all; treat that as a form.
  return contentType === null || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function readBasic(header: string | null): TokenParams['basic'] {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1 form-encodes both parts before joining them.
  return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** Client id and secret from the form, else from Basic auth. */
export function clientCredentials(params: TokenParams): { clientId?: string; secret?: string } {
  const clientId = params.get('client_id') ?? params.basic?.clientId;
  const secret = params.get('client_secret') ?? params.basic?.secret;
  return { ...(clientId !== undefined ? { clientId } : {}), ...(secret !== undefined ? { secret } : {}) };
}
