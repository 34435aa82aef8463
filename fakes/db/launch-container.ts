import { readFile } from 'node:fs/promises';
import createDebug from 'debug';
import { ensureImage, isContainerRuntimeAvailable, startContainer, type EnsuredImage, type StartedContainer } from '../container/index.ts';
import type { Transcript } from '../shared/transcript.ts';
import type { DbFakeConfig } from './db-fake.ts';
import { CONTAINER_CONTEXT, type DbContainerRecipe } from './db-container-recipe.ts';
import { containerLaunchSpec, type HostCertificate } from './container-launch-spec.ts';
import { LogTail } from '../../core/process/index.ts';
import { createServerCertificate } from './self-signed-cert.ts';
import type { ServingPort } from './started-db-fake-handle.ts';
import { WorkDir } from './work-dir.ts';
import { FakeStartError, RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:db');


/** The image this engine runs: the configured one (containers.images.<key> / its variable) as it is, else ours. */
export function ensureEngineImage(recipe: DbContainerRecipe): Promise<EnsuredImage> {
  const { key, repository, tagPrefix, dockerfile, files } = recipe.image;
  return ensureImage({ key, repository, tagPrefix, dockerfile, context: CONTAINER_CONTEXT, files });
}

/**
 * Runs the engine in a container: ours (built if missing) or the official image the option names
 * (container-launch-spec.ts says how each is driven). Copies in the init SQL (users and databases)
 * and the TLS certificate made on this host, waits for the server's ready line, and publishes the
 * port on 127.0.0.1. Fails with the container's log tail (passwords redacted).
 */
export async function launchContainer(recipe: DbContainerRecipe, config: DbFakeConfig, transcript: Transcript): Promise<ServingPort> {
  const availability = isContainerRuntimeAvailable();
  if (!availability.available) throw new RuntimeUnavailableError(`${recipe.label}: runtime 'container' is not available: ${availability.reason}`);
  const image = await ensureEngineImage(recipe);
  const certificate = config.tls ? await hostCertificate() : undefined;
  const launch = containerLaunchSpec(recipe, image.name, config, certificate);
  const secrets = [...config.users.map((user) => user.password), ...launch.secrets];
  const output = new LogTail(60);
  let head = '';
  const began = performance.now();
  let container: StartedContainer;
  try {
    container = await startContainer({
      image: image.name,
      port: recipe.port,
      environment: launch.environment,
      files: launch.files,
      ...(launch.command ? { command: launch.command } : {}),
      waitStrategy: (wait) => wait.forLogMessage(launch.readyLog, launch.readyCount),
      onLog: (chunk) => {
        output.push(chunk);
        if (head.length < 65_536) head += chunk;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FakeStartError(`${recipe.label}: the ${image.name} container did not become ready (${reason}); its log ends:\n  ${output.lines(secrets).join('\n  ')}`, { cause: error });
  }
  const readyMs = Math.round(performance.now() - began);
  // The entrypoint prints the version before the server starts; our log stream may trail the wait strategy's.
  for (let waited = 0; !launch.engineLine.test(head) && waited < 2_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  transcript.record('engine', { version: launch.engineLine.exec(head)?.[1] ?? '?' });
  for (const user of config.users) transcript.record('user-created', { name: user.name, ...(user.superuser ? { superuser: true } : {}) });
  for (const database of config.databases) transcript.record('database-created', { name: database.name, ...(database.owner === undefined ? {} : { owner: database.owner }) });
  log('%s (container %s, %s) ready on %s:%d in %d ms', recipe.label, container.id.slice(0, 12), image.name, container.host, container.port, readyMs);
  transcript.record('started', {
    engine: config.engine,
    runtime: config.runtime,
    host: container.host,
    port: container.port,
    tls: config.tls,
    requireTls: config.requireTls,
    readyMs,
    image: image.name,
    ...(launch.flavour === 'official' ? { imageFlavour: 'official' } : {}),
    ...(image.base ? { baseImage: image.base.image } : {}),
    ...(image.built ? { imageBuildMs: image.buildMs } : {}),
    containerId: container.id,
  });
  return { host: container.host, port: container.port, ...(certificate ? { certificatePem: certificate.pem } : {}), stop: () => container.stop() };
}

/** The same self-signed certificate the other runtimes make, generated here and copied into the container. */
async function hostCertificate(): Promise<HostCertificate> {
  const dir = await WorkDir.create({ name: 'self' });
  try {
    const certificate = await createServerCertificate(dir);
    return { pem: certificate.pem, key: await readFile(certificate.keyFile, 'utf8') };
  } finally {
    await dir.remove();
  }
}
