import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error.ts';

/** The AWS JSON 1.1 protocol: POST /, `X-Amz-Target: <prefix>.<Operation>`, JSON both ways. */
export const CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface JsonRequest {
  targetPrefix: string;
  operation: string;
  input: Record<string, unknown>;
  region: string;
}

export async function readJsonRequest(req: IncomingMessage, defaultRegion: string): Promise<JsonRequest> {
  const target = req.headers['x-amz-target'];
  if (req.method !== 'POST' || typeof target !== 'string' || !target.includes('.')) {
    throw new AwsError(
      'UnknownOperationException',
      'This emulator speaks the AWS JSON 1.1 protocol: POST / with an X-Amz-Target header',
      400,
    );
  }
  const dot = target.lastIndexOf('.');
  const body = await readBody(req);
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
  return {
    targetPrefix: target.slice(0, dot),
    operation: target.slice(dot + 1),
    input: input as Record<string, unknown>,
    region: regionFromAuthorization(req.headers.authorization) ?? defaultRegion,
  };
}

/** SigV4 credential scope: `Credential=AKID/20261122/eu-west-1/transfer/aws4_request`. */
function regionFromAuthorization(header: string | undefined): string | undefined {
  return header?.match(/Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//)?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendResult(res: ServerResponse, requestId: string, output: unknown): void {
  send(res, 200, requestId, output ?? {});
}

export function sendError(res: ServerResponse, requestId: string, error: AwsError): void {
  // Coral services answer `message`; Transfer and Secrets Manager models name it `Message`.
  // Both are sent so every SDK and the CLI find it.
  const body = { __type: error.type, message: error.message, Message: error.message, ...error.fields };
  send(res, error.httpStatus, requestId, body, { 'x-amzn-errortype': error.type });
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
    ...headers,
  });
  res.end(text);
}

/** JSON 1.1 timestamps are epoch seconds. */
function jsonReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}
