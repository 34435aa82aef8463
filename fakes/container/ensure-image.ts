import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { dockerRequest } from './docker-api.ts';
import { LogTail } from '../../core/process/index.ts';
import { FakeStartError, RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:container');

/** What the fakes' Dockerfiles start FROM; scripts/docker/ensure-base-image.sh makes it. */
export const BASE_IMAGE = process.env.PARTNER_HARNESS_BASE_IMAGE ?? 'partner-harness/base:bookworm';
export const CONTEXT_HASH_LABEL = 'org.partner-harness.context-hash';

export interface ImageSpec {
  /** The tag to run, e.g. partner-harness/postgres:15. */
  name: string;
  /** File name inside `context`. */
  dockerfile: string;
  /** A small folder: it is sent to the daemon whole. */
  context: string;
  /** The context files the image is made of (default: all); their hash labels the image. */
  files?: string[];
  /**
   * Rebuild when the context changed since the image was built (its context-hash label differs).
   * Off for images the user named explicitly: those may come from a registry and are used as they are.
   */
  rebuildWhenStale?: boolean;
}

export interface EnsuredImage {
  name: string;
  built: boolean;
  buildMs?: number;
}

const inFlight = new Map<string, Promise<EnsuredImage>>();

/**
 * Builds `spec.name` from its Dockerfile unless the daemon already has it (and, when asked, it is
 * current). Uses the docker CLI with DOCKER_BUILDKIT=0 when it is on PATH, otherwise testcontainers'
 * builder (also the legacy builder). Concurrent calls for one image in this process share a build.
 */
export function ensureImage(spec: ImageSpec): Promise<EnsuredImage> {
  let pending = inFlight.get(spec.name);
  if (!pending) {
    pending = ensure(spec).finally(() => inFlight.delete(spec.name));
    inFlight.set(spec.name, pending);
  }
  return pending;
}

async function ensure(spec: ImageSpec): Promise<EnsuredImage> {
  const hash = await contextHash(spec.context, spec.files);
  const existing = await inspectLabels(spec.name);
  if (existing && (!spec.rebuildWhenStale || existing[CONTEXT_HASH_LABEL] === hash)) return { name: spec.name, built: false };
  // Our base image can only come from ensure-base-image.sh; any other (debian:bookworm-slim) the build may pull.
  if (BASE_IMAGE.startsWith('partner-harness/') && !(await inspectLabels(BASE_IMAGE))) {
    throw new RuntimeUnavailableError(`image ${spec.name} must be built FROM ${BASE_IMAGE}, which the Docker daemon does not have; run scripts/docker/ensure-base-image.sh (as root, with DOCKER_HOST exported), or set PARTNER_HARNESS_BASE_IMAGE=debian:bookworm-slim where a registry is reachable`);
  }
  log('building %s from %s (%s)', spec.name, spec.dockerfile, existing ? 'stale' : 'missing');
  const began = performance.now();
  const buildArgs = { BASE_IMAGE, PARTNER_HARNESS_CONTEXT_HASH: hash };
  if (await hasDockerCli()) await buildWithCli(spec, buildArgs);
  else await buildWithTestcontainers(spec, buildArgs);
  const buildMs = Math.round(performance.now() - began);
  log('built %s in %d ms', spec.name, buildMs);
  return { name: spec.name, built: true, buildMs };
}

/** The image's labels, or undefined when the daemon does not have it. */
async function inspectLabels(image: string): Promise<Record<string, string> | undefined> {
  const { status, body } = await dockerRequest('GET', `/images/${encodeURIComponent(image)}/json`);
  if (status === 404) return undefined;
  if (status !== 200) throw new FakeStartError(`inspecting image ${image} failed with HTTP ${status}: ${body.trim()}`);
  return (JSON.parse(body) as { Config?: { Labels?: Record<string, string> | null } }).Config?.Labels ?? {};
}

async function contextHash(context: string, files?: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of [...(files ?? (await readdir(context)))].sort()) {
    hash.update(`${name}\0`).update(await readFile(join(context, name))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function hasDockerCli(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('docker', ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false)).on('exit', (code) => resolve(code === 0));
  });
}

function buildWithCli(spec: ImageSpec, buildArgs: Record<string, string>): Promise<void> {
  const args = ['build', '-t', spec.name, '-f', join(spec.context, spec.dockerfile), ...Object.entries(buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]), spec.context];
  const output = new LogTail(30);
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env: { ...process.env, DOCKER_BUILDKIT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new FakeStartError(`docker build of ${spec.name} (${spec.dockerfile}) failed with exit code ${code}; its output ends:\n  ${output.lines().join('\n  ')}`));
    });
  });
}

async function buildWithTestcontainers(spec: ImageSpec, buildArgs: Record<string, string>): Promise<void> {
  const { GenericContainer } = await import('./testcontainers.ts').then((m) => m.loadTestcontainers());
  await GenericContainer.fromDockerfile(spec.context, spec.dockerfile).withBuildArgs(buildArgs).build(spec.name, { deleteOnExit: false });
}
