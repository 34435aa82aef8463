import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import createDebug from 'debug';
import { dockerRequest } from './docker-api.ts';
import { LogTail } from '../../core/process/index.ts';
import { FakeStartError } from '../../core/errors/index.ts';
import { chooseBaseImage, type ChosenBaseImage } from './choose-base-image.ts';
import { resolveContainerSettings, type ChosenSetting, type ContainerImageKey } from './container-settings.ts';
import { loadTestcontainers } from './testcontainers.ts';

const log = createDebug('partner-harness:container');

export const CONTEXT_HASH_LABEL = 'org.partner-harness.context-hash';

export interface ImageSpec {
  /** Which image this is: `containers.images.<key>` (or its variable) names one to run instead of building ours. */
  key: ContainerImageKey;
  /** Ours is tagged `<repository>:<tagPrefix>-<hash of the context and the base image>`, e.g. partner-harness/postgres:15-3f2a…. */
  repository: string;
  tagPrefix: string;
  /** File name inside `context`. */
  dockerfile: string;
  /** A small folder: it is sent to the daemon whole. */
  context: string;
  /** The context files the image is made of (default: all); their hash is in the tag. */
  files?: string[];
}

export interface EnsuredImage {
  name: string;
  built: boolean;
  buildMs?: number;
  /** What ours was built FROM and why; absent for a configured image. */
  base?: ChosenBaseImage;
  /** Set when the image was named by the config or the environment: it runs as it is (pulled when missing). */
  configured?: ChosenSetting;
}

const inFlight = new Map<string, Promise<EnsuredImage>>();
const baseChoices = new Map<string, Promise<ChosenBaseImage>>();

/**
 * The image to run for `spec.key`: the configured one as it is, else ours, built from its
 * Dockerfile FROM the chosen base unless the daemon already has the tag (the tag carries the
 * hash of the context and the base, so an existing one is current). The docker CLI builds it
 * (DOCKER_BUILDKIT=0) when it is on PATH, otherwise testcontainers' builder. Concurrent calls in
 * this process share one build.
 */
export function ensureImage(spec: ImageSpec): Promise<EnsuredImage> {
  const settings = resolveContainerSettings(undefined);
  const configured = settings.images[spec.key];
  if (configured) return Promise.resolve({ name: configured.image, built: false, configured });
  const key = `${spec.repository}:${spec.tagPrefix}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = ensure(spec, settings.baseImage).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** The base image our Dockerfiles build FROM for this setting (undefined: the default), chosen once per process; a failed choice is retried. */
export function ensureBaseImage(configured: ChosenSetting | undefined): Promise<ChosenBaseImage> {
  const key = configured ? `${configured.source}=${configured.image}` : '';
  let pending = baseChoices.get(key);
  if (!pending) {
    pending = chooseBaseImage(configured, { hasImage: async (image) => (await inspectLabels(image)) !== undefined, pull: pullImage }).then((chosen) => {
      log('base image %s (%s)', chosen.image, chosen.reason);
      // A fallback is what a user on a runner with a registry should notice: say it where they look.
      if (chosen.fallback) process.stderr.write(`partner-harness: container images build FROM ${chosen.image}: ${chosen.reason}\n`);
      return chosen;
    });
    pending.catch(() => baseChoices.delete(key));
    baseChoices.set(key, pending);
  }
  return pending;
}

async function ensure(spec: ImageSpec, configuredBase: ChosenSetting | undefined): Promise<EnsuredImage> {
  const base = await ensureBaseImage(configuredBase);
  const hash = await contextHash(spec.context, spec.files, base.image);
  const name = `${spec.repository}:${spec.tagPrefix}-${hash}`;
  if (await inspectLabels(name)) return { name, built: false, base };
  log('building %s from %s FROM %s', name, spec.dockerfile, base.image);
  const began = performance.now();
  const buildArgs = { BASE_IMAGE: base.image, PARTNER_HARNESS_CONTEXT_HASH: hash };
  const target = { ...spec, name };
  if (await hasDockerCli()) await buildWithCli(target, buildArgs);
  else await buildWithTestcontainers(target, buildArgs);
  const buildMs = Math.round(performance.now() - began);
  log('built %s in %d ms', name, buildMs);
  return { name, built: true, buildMs, base };
}

/** Pulls through testcontainers' client (its registry auth); resolves only once the daemon has the image. */
async function pullImage(image: string): Promise<void> {
  const { getContainerRuntimeClient, ImageName } = await loadTestcontainers();
  const client = await getContainerRuntimeClient();
  await client.image.pull(ImageName.fromString(image));
  // A pull that fails part-way may end its stream without an error.
  if (!(await inspectLabels(image))) throw new Error(`the pull of ${image} ended but the daemon does not have it`);
}

/** The image's labels, or undefined when the daemon does not have it. */
async function inspectLabels(image: string): Promise<Record<string, string> | undefined> {
  const { status, body } = await dockerRequest('GET', `/images/${encodeURIComponent(image)}/json`);
  if (status === 404) return undefined;
  if (status !== 200) throw new FakeStartError(`inspecting image ${image} failed with HTTP ${status}: ${body.trim()}`);
  return (JSON.parse(body) as { Config?: { Labels?: Record<string, string> | null } }).Config?.Labels ?? {};
}

async function contextHash(context: string, files: string[] | undefined, baseImage: string): Promise<string> {
  const hash = createHash('sha256').update(`FROM ${baseImage}\0`);
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

function buildWithCli(spec: ImageSpec & { name: string }, buildArgs: Record<string, string>): Promise<void> {
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

async function buildWithTestcontainers(spec: ImageSpec & { name: string }, buildArgs: Record<string, string>): Promise<void> {
  const { GenericContainer } = await loadTestcontainers();
  await GenericContainer.fromDockerfile(spec.context, spec.dockerfile).withBuildArgs(buildArgs).build(spec.name, { deleteOnExit: false });
}
