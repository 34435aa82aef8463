import type { IncomingMessage } from 'node:http';
import { AwsError } from './aws-error.ts';

/**
 * The body, refused with 413 once it is known to pass `maxBytes`: from Content-Length before a
 * byte is read, or as the bytes arrive. The rest is never buffered; the answer closes the
 * connection (see send()). Not `for await`: leaving that loop early destroys the socket, and
 * with it the answer.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.reject(AwsError.tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', stop).off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.pause();
      stop(AwsError.tooLarge(maxBytes));
    };
    const onEnd = () => stop();
    const onClose = () => stop(new Error('The client closed the connection before the whole body arrived'));
    req.on('data', onData).on('end', onEnd).on('error', stop).on('close', onClose);
  });
}
