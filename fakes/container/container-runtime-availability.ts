import { dockerEndpoint, dockerRequestSync, ENSURE_DOCKERD_HINT } from './docker-api.ts';

export interface Availability {
  available: boolean;
  reason?: string;
}

let cached: { dockerHost: string | undefined; at: number; result: Availability } | undefined;
const CACHE_MS = 5_000;

/**
 * Whether a Docker daemon answers on DOCKER_HOST (GET /_ping), and if not, why and what to run.
 * Synchronous (a child process does the request); the answer is cached for a few seconds.
 */
export function isContainerRuntimeAvailable(): Availability {
  const dockerHost = process.env.DOCKER_HOST;
  if (cached && cached.dockerHost === dockerHost && performance.now() - cached.at < CACHE_MS) return cached.result;
  const result = probe();
  cached = { dockerHost, at: performance.now(), result };
  return result;
}

function probe(): Availability {
  const endpoint = dockerEndpoint();
  if ('reason' in endpoint) return { available: false, reason: endpoint.reason };
  const answer = dockerRequestSync('GET', '/_ping', 3_000);
  if ('error' in answer) return { available: false, reason: `no Docker daemon answers on DOCKER_HOST=${process.env.DOCKER_HOST} (${answer.error}); ${ENSURE_DOCKERD_HINT}` };
  if (answer.status !== 200) return { available: false, reason: `the Docker daemon on DOCKER_HOST=${process.env.DOCKER_HOST} answered /_ping with HTTP ${answer.status}` };
  return { available: true };
}

/** Whether the daemon has `image` locally (no registry is consulted). */
export function hasImageSync(image: string): boolean {
  const answer = dockerRequestSync('GET', `/images/${encodeURIComponent(image)}/json`, 3_000);
  return !('error' in answer) && answer.status === 200;
}
