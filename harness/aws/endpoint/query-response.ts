import type { ServerResponse } from 'node:http';
import type { AwsError } from './aws-error.ts';
import type { BoundService } from './bound-service.ts';
import { EC2_XML_CONTENT_TYPE, ec2ErrorXml, ec2ResultXml } from './ec2-xml.ts';

/** The XML answer to an EC2 query call, written from the operation's output shape. */
export function sendQueryResult(res: ServerResponse, requestId: string, service: BoundService, operation: string, output: unknown, headers: Record<string, string>): void {
  send(res, 200, ec2ResultXml(service.model, operation, output, requestId), requestId, headers);
}

/** `<Response><Errors><Error><Code>…` with the error's HTTP status (400 for a client's mistake, as EC2). */
export function sendQueryError(res: ServerResponse, requestId: string, error: AwsError, headers: Record<string, string>): void {
  send(res, error.httpStatus, ec2ErrorXml(error.type, error.message, requestId), requestId, headers);
}

function send(res: ServerResponse, status: number, body: string, requestId: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    'content-type': EC2_XML_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': requestId,
    // The unread rest of a too-large body must not be parsed as the next request.
    ...(status === 413 ? { connection: 'close' } : {}),
    ...headers,
  });
  res.end(body);
}
