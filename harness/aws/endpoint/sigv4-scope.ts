/** The SigV4 credential scope of a request: `Credential=AKID/20261122/eu-west-1/ec2/aws4_request`. */
export interface CredentialScope {
  region: string;
  /** The signing name of the service the client meant, e.g. `ec2`, `transfer`. */
  service: string;
}

export function credentialScope(authorization: string | undefined): CredentialScope | undefined {
  const match = authorization?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\//);
  return match ? { region: match[1]!, service: match[2]! } : undefined;
}
