import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error.ts';
import type { EndpointLimits } from './endpoint-limits.ts';
import { QueryParams } from './query-params.ts';
import { readBody } from './read-body.ts';
import { credentialScope } from './sigv4-scope.ts';

/**
 * The AWS query protocol as EC2 speaks it: `POST /` with a form-encoded body
 * `Action=DescribeVpcs&Version=2016-11-15&VpcId.1=vpc-…`, no X-Amz-Target, XML answers. The
 * SigV4 credential scope names the service (`…/us-east-1/ec2/aws4_request`); boto3, the AWS CLI
 * and the JS SDK all send exactly this.
 */
export interface QueryRequest {
  /** Absent or empty when the client sent none: answered as the service answers that. */
  action: string | undefined;
  version: string | undefined;
  params: QueryParams;
  /** The operation's parameters as sent, name → value, for operations the model lacks. */
  flat: Record<string, string>;
  region: string;
  /** The service the signature was made for, when the request is signed. */
  signingService: string | undefined;
}

/** A request for a query-protocol service rather than a JSON one: no target, a form body or an Action in the URL. */
export function isQueryRequest(req: IncomingMessage): boolean {
  if (req.headers['x-amz-target'] !== undefined) return false;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || /[?&]Action=/.test(req.url ?? '');
}

export async function readQueryRequest(req: IncomingMessage, defaultRegion: string, limits: Pick<EndpointLimits, 'maxRequestBytes'>): Promise<QueryRequest> {
  const body = req.method === 'POST' ? await readBody(req, limits.maxRequestBytes) : '';
  // The URL's own query counts as well (EC2 takes GET requests); both are bounded: the URL by
  // Node's header limit, the body by maxRequestBytes.
  const query = (req.url ?? '').split('?', 2)[1] ?? '';
  const form = new URLSearchParams(query);
  for (const [key, value] of new URLSearchParams(body)) form.append(key, value);
  const action = form.get('Action') ?? undefined;
  const version = form.get('Version') ?? undefined;
  const scope = credentialScope(req.headers.authorization);
  const params = QueryParams.from(form);
  return { action, version, params, flat: params.flat(), region: scope?.region ?? defaultRegion, signingService: scope?.service };
}

