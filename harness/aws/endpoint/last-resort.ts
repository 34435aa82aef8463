import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import createDebug from 'debug';
import { AwsError } from './aws-error.ts';
import { CONTENT_TYPE, sendError } from './json-protocol.ts';

const debug = createDebug('partner-harness:aws:endpoint');

/** A failure handleCall did not answer (a bug): 500 InternalServiceError if still possible, else drop the connection. */
export function answerUnexpected(res: ServerResponse, requestId: string, error: unknown): void {
  debug('unanswered failure for %s: %O', requestId, error);
  try {
    if (!res.headersSent) sendError(res, requestId, new AwsError('InternalServiceError', 'Internal error in partner-harness', 500));
    else res.destroy();
  } catch {
    res.destroy();
  }
}

/**
 * Node's HTTP parser refused the request (bad request line, header too large, bad chunk): answer
 * as JSON 1.1 answers, then close, instead of Node's bare `400 Bad Request`. Front ends answer
 * such requests before any AWS service sees them; the type name here is ours [INF].
 */
export function answerMalformedHttp(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message = `Malformed HTTP request: ${error.code ?? error.message}`;
  const body = JSON.stringify({ __type: 'SerializationException', message, Message: message });
  const head = [
    `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}`,
    `content-type: ${CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    `x-amzn-requestid: ${randomUUID()}`,
    'x-amzn-errortype: SerializationException',
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
