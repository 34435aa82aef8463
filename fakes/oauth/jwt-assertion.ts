import { importPKCS8, SignJWT } from 'jose';

export interface JwtAssertionOptions {
  /** PKCS8 PEM, e.g. generateRsaKeyPair().privateKeyPem. */
  privateKeyPem: string;
  /** Becomes `iss`: the connected app's consumer key. */
  clientId: string;
  /** Becomes `sub`. */
  username: string;
  /** Becomes `aud`, e.g. 'https://login.salesforce.com'. */
  audience: string;
  /** `exp` = issuedAt + this; negative gives an expired assertion. Default 180 (Salesforce allows at most 3 minutes). */
  expiresInSeconds?: number;
  /** `iat`, seconds since the epoch. Default now. */
  issuedAt?: number;
}

/** An RS256 JWT bearer assertion as a Salesforce client would sign it, for tests and scenarios. */
export async function createJwtAssertion(options: JwtAssertionOptions): Promise<string> {
  const { privateKeyPem, clientId, username, audience, expiresInSeconds = 180 } = options;
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const key = await importPKCS8(privateKeyPem, 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(clientId)
    .setSubject(username)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + expiresInSeconds)
    .sign(key);
}
