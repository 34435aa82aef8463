import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error.ts';
import type { EndpointLimits } from './endpoint-limits.ts';
import { nestsDeeperThan } from './json-nesting.ts';
import { readBody } from './read-body.ts';
import { credentialScope } from './sigv4-scope.ts';

/** The AWS JSON 1.1 protocol: POST /, `X-Amz-Target: <prefix>.<Operation>`, JSON both ways. */
export const CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface JsonRequest {
  targetPrefix: string;
  operation: string;
  input: Record<string, unknown>;
  region: string;
}

export async function readJsonRequest(
  req: IncomingMessage,
  defaultRegion: string,
  limits: Pick<EndpointLimits, 'maxRequestBytes' | 'maxNestingDepth'>,
): Promise<JsonRequest> {
  const target = req.headers['x-amz-target'];
  if (req.method !== 'POST' || typeof target !== 'string' || !target.includes('.')) {
    throw new AwsError(
      'UnknownOperationException',
      'This emulator speaks the AWS JSON 1.1 protocol: POST / with an X-Amz-Target header',
      400,
    );
  }
  const dot = target.lastIndexOf('.');
  const body = await readBody(req, limits.maxRequestBytes);
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body);
    } catch {
      throw AwsError.serialization('Start of structure or map found where not expected.');
    }
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw AwsError.serialization('Start of structure or map found where not expected.');
  }
  if (nestsDeeperThan(input, limits.maxNestingDepth)) {
    // No AWS text for this is known [INF]; the limit keeps every walk of the input shallow.
    throw AwsError.serialization(`JSON nesting depth exceeds the maximum allowed (${limits.maxNestingDepth})`);
  }
  return {
    targetPrefix: target.slice(0, dot),
    operation: target.slice(dot + 1),
    input: input as Record<string, unknown>,
    region: credentialScope(req.headers.authorization)?.region ?? defaultRegion,
  };
}

export function sendResult(res: ServerResponse, requestId: string, output: unknown, headers: Record<string, string> = {}): void {
  send(res, 200, requestId, output ?? {}, headers);
}

export function sendError(res: ServerResponse, requestId: string, error: AwsError, headers: Record<string, string> = {}): void {
  // Coral services answer `message`; Transfer and Secrets Manager models name it `Message`.
  // Both are sent so every SDK and the CLI find it.
  const body = { __type: error.type, message: error.message, Message: error.message, ...error.fields };
  send(res, error.httpStatus, requestId, body, { ...headers, 'x-amzn-errortype': error.type });
}

function send(
  res: ServerResponse,
  status: number,
  requestId: string,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, jsonReplacer);
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    // The unread rest of a too-large body must not be parsed as the next request.
    ...(status === 413 ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(text);
}

/** JSON 1.1 timestamps are epoch seconds. */
function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}
