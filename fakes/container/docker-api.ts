import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { RuntimeUnavailableError } from '../../core/errors/index.ts';

/** Where the Docker Engine API listens, from DOCKER_HOST (unix:// or tcp://), or why we cannot tell. */
export type DockerEndpoint = { socketPath: string } | { host: string; port: number } | { reason: string };

export const ENSURE_DOCKERD_HINT = 'run `eval "$(scripts/docker/ensure-dockerd.sh)"` (as root) to start a private dockerd and export DOCKER_HOST';

export function dockerEndpoint(dockerHost = process.env.DOCKER_HOST): DockerEndpoint {
  if (dockerHost === undefined || dockerHost === '') return { reason: `DOCKER_HOST is not set; ${ENSURE_DOCKERD_HINT}` };
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(dockerHost);
  if (tcp) return { host: tcp[1]!, port: Number(tcp[2]) };
  return { reason: `DOCKER_HOST=${dockerHost} is neither unix:///path nor tcp://host:port` };
}

/** True when containers publish ports on this machine, so 127.0.0.1 reaches them. */
export function isLocalEndpoint(endpoint: DockerEndpoint): boolean {
  return 'socketPath' in endpoint || ('host' in endpoint && ['127.0.0.1', 'localhost', '::1'].includes(endpoint.host));
}

export interface DockerResponse {
  status: number;
  body: string;
}

/** One Engine API call; plain HTTP (TLS-protected tcp:// daemons are not supported). */
export function dockerRequest(method: string, path: string, timeoutMs = 5_000): Promise<DockerResponse> {
  const endpoint = dockerEndpoint();
  if ('reason' in endpoint) return Promise.reject(new RuntimeUnavailableError(endpoint.reason));
  return new Promise((resolve, reject) => {
    const req = request({ ...endpoint, method, path, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`Docker API ${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

// Plain JS for a child `node -e` (Node 20 cannot strip types): the same request as dockerRequest().
const SYNC_SCRIPT = `
const [endpoint, method, path, timeout] = [JSON.parse(process.argv[1]), process.argv[2], process.argv[3], Number(process.argv[4])];
const req = require('node:http').request({ ...endpoint, method, path, timeout }, (res) => {
  let body = '';
  res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
  res.on('end', () => process.stdout.write(JSON.stringify({ status: res.statusCode, body })));
});
req.on('timeout', () => req.destroy(new Error('Docker API ' + method + ' ' + path + ' timed out after ' + timeout + ' ms')));
req.on('error', (e) => process.stdout.write(JSON.stringify({ error: e.message })));
req.end();`;

/**
 * The same call, synchronously, in a child Node process: for availability checks that must be
 * synchronous and for the process 'exit' hook, where nothing asynchronous runs.
 */
export function dockerRequestSync(method: string, path: string, timeoutMs = 5_000): DockerResponse | { error: string } {
  const endpoint = dockerEndpoint();
  if ('reason' in endpoint) return { error: endpoint.reason };
  const result = spawnSync(process.execPath, ['-e', SYNC_SCRIPT, JSON.stringify(endpoint), method, path, String(timeoutMs)], { encoding: 'utf8', timeout: timeoutMs + 5_000 });
  if (result.error) return { error: result.error.message };
  try {
    return JSON.parse(result.stdout) as DockerResponse | { error: string };
  } catch {
    return { error: `no answer from the Docker API helper (exit ${result.status}): ${result.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
}
