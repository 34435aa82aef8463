import { request, type Agent } from 'node:http';
import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: Record<string, unknown> | undefined;
  ms: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  /** Sent with Content-Length, or chunk by chunk (chunked encoding) when an array. */
  body?: string | Buffer | Buffer[];
  /** Default: a connection of its own. */
  agent?: Agent | false;
}

/**
 * One HTTP request with whatever method, headers and body a test wants, answered even when the
 * server answers before the body is sent whole (413) and then closes the connection.
 */
export function rawRequest(url: string, { method = 'POST', headers = {}, body = '', agent = false }: RawRequest = {}): Promise<RawAnswer> {
  const start = performance.now();
  // Node sends a DELETE or OPTIONS body unframed unless told its length.
  const framing = Array.isArray(body) ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...framing, ...headers }, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseObject(text), ms: performance.now() - start });
      });
      res.on('error', reject);
    });
    // Writing after the server answered and closed fails with EPIPE/ECONNRESET; the answer decides.
    req.on('error', (error) => setTimeout(() => reject(error), 50));
    if (Array.isArray(body)) {
      writeChunks(req, body);
    } else {
      req.end(body);
    }
  });
}

function writeChunks(req: ReturnType<typeof request>, chunks: Buffer[]): void {
  let next = 0;
  const pump = (): void => {
    while (next < chunks.length) {
      if (req.destroyed) return;
      if (!req.write(chunks[next++])) {
        req.once('drain', pump);
        return;
      }
    }
    req.end();
  };
  pump();
}

/** Bytes straight onto a TCP connection, for requests Node's own client refuses to send. */
export function rawSocket(host: string, port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
