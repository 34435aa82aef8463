import { apiGatewayRequest } from '../../core/identity-provider/index.ts';
import { InvalidOptionError, PartnerHarnessError } from '../../core/errors/index.ts';

/** The event Transfer passes to a Lambda identity provider. */
export interface TransferAuthEvent {
  username: string;
  /** Absent for public-key authentication. */
  password?: string;
  protocol: 'SFTP' | 'FTP' | 'FTPS';
  serverId: string;
  sourceIp: string;
}

/**
 * The handlers answered something other than 200; code `IDP_HTTP_STATUS`. `name` is not the class
 * name but `Http<status>Error`, e.g. `Http500Error`: it is the errorType a Lambda invoke reports.
 */
export class IdpHttpStatusError extends PartnerHarnessError {
  declare readonly code: 'IDP_HTTP_STATUS';
  readonly status: number;
  readonly body: string;

  constructor(status: number, body: string) {
    super('IDP_HTTP_STATUS', `identity provider answered HTTP ${status}: ${body.slice(0, 500)}`);
    this.name = `Http${status}Error`;
    this.status = status;
    this.body = body;
  }
}

/**
 * The handlers answered 200 with a body that is not JSON; code `IDP_INVALID_RESPONSE`. Lambda
 * reports a result it cannot marshal as `Runtime.MarshalError`, so that is the name this takes.
 */
export class IdpInvalidResponseError extends PartnerHarnessError {
  declare readonly code: 'IDP_INVALID_RESPONSE';
  readonly body: string;

  constructor(body: string, cause: unknown) {
    super('IDP_INVALID_RESPONSE', `identity provider result is not JSON: ${body.slice(0, 500)}`, { cause });
    this.name = 'Runtime.MarshalError';
    this.body = body;
  }
}

const PROTOCOLS = ['SFTP', 'FTP', 'FTPS'];

export function validateEvent(event: TransferAuthEvent): void {
  const bad = (field: string, hint: string) => new InvalidOptionError(`invokeAsLambda: invalid ${field} ${JSON.stringify((event as unknown as Record<string, unknown>)?.[field])}; ${hint}`);
  if (typeof event !== 'object' || event === null) throw new InvalidOptionError(`invokeAsLambda: expected an event object, got ${JSON.stringify(event)}`);
  if (typeof event.username !== 'string' || event.username === '') throw bad('username', 'give a non-empty string');
  if (event.password !== undefined && typeof event.password !== 'string') throw bad('password', 'give a string, or leave it out for key auth');
  if (!PROTOCOLS.includes(event.protocol)) throw bad('protocol', `use one of ${PROTOCOLS.join(', ')}`);
  if (typeof event.serverId !== 'string' || event.serverId === '') throw bad('serverId', "give a server id like 's-0123456789abcdef0'");
  if (typeof event.sourceIp !== 'string') throw bad('sourceIp', "give an address like '203.0.113.7'");
}

/** The GET Transfer would send through API Gateway for the same attempt (core/identity-provider builds it). */
export function lambdaRequest(baseUrl: string, event: TransferAuthEvent, signal: AbortSignal): Request {
  // A password no header can carry still reaches the handlers, in PasswordBase64.
  const { url, headers } = apiGatewayRequest(baseUrl, event);
  return new Request(url, { method: 'GET', headers, signal });
}

export async function lambdaResult(response: Response): Promise<unknown> {
  const body = await response.text();
  if (response.status !== 200) throw new IdpHttpStatusError(response.status, body);
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new IdpInvalidResponseError(body, error);
  }
}
