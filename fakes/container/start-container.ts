import type { Readable } from 'node:stream';
import type { GenericContainer, StartedTestContainer, WaitStrategy } from 'testcontainers';
import { managedLabels, removeOnExit } from './container-cleanup.ts';
import { dockerEndpoint, isLocalEndpoint } from './docker-api.ts';
import { loadTestcontainers } from './testcontainers.ts';

export interface ContainerSpec {
  image: string;
  /** The one TCP port the container serves. */
  port: number;
  environment?: Record<string, string>;
  /** Arguments after the image's entrypoint. */
  command?: string[];
  /** Files written into the container before it starts (passwords, keys: never in its environment). */
  files?: { target: string; content: string; mode?: number }[];
  waitStrategy: (wait: typeof import('testcontainers').Wait) => WaitStrategy;
  startupTimeoutMs?: number;
  /** Receives the container's output (stdout and stderr) from the start on. */
  onLog?: (chunk: string) => void;
}

export interface StartedContainer {
  id: string;
  /** Where this machine reaches the port: 127.0.0.1 for a local daemon, else what testcontainers reports. */
  host: string;
  port: number;
  /** Force-removes the container (volumes too); idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts one container through testcontainers with our labels, the port published on 127.0.0.1
 * only when the daemon is local (so nothing else on the network reaches a fake), and an exit hook
 * that removes it if the process ends without stop(). A failed start removes it too.
 */
export async function startContainer(spec: ContainerSpec): Promise<StartedContainer> {
  const { GenericContainer, Wait } = await loadTestcontainers();
  const loopback = isLocalEndpoint(dockerEndpoint());
  let untrack: (() => void) | undefined;

  // hostConfig is protected: a subclass is the supported way to change what the builder sends.
  class PartnerContainer extends GenericContainer {
    bindLoopback(): this {
      for (const binding of Object.values(this.hostConfig.PortBindings ?? {})) for (const entry of binding as { HostIp?: string }[]) entry.HostIp = '127.0.0.1';
      return this;
    }

    protected override async containerCreated(containerId: string): Promise<void> {
      untrack = removeOnExit(containerId);
    }
  }

  let container: GenericContainer = new PartnerContainer(spec.image)
    .withExposedPorts(spec.port)
    .withLabels(managedLabels())
    .withEnvironment(spec.environment ?? {})
    .withWaitStrategy(spec.waitStrategy(Wait))
    .withStartupTimeout(spec.startupTimeoutMs ?? 60_000);
  if (loopback) container = (container as PartnerContainer).bindLoopback();
  if (spec.command) container = container.withCommand(spec.command);
  if (spec.files?.length) container = container.withCopyContentToContainer(spec.files.map(({ target, content, mode }) => ({ target, content, ...(mode === undefined ? {} : { mode }) })));
  if (spec.onLog) {
    const onLog = spec.onLog;
    container = container.withLogConsumer((stream: Readable) => {
      stream.setEncoding?.('utf8');
      stream.on('data', (chunk: string | Buffer) => onLog(String(chunk)));
      stream.on('error', () => undefined);
    });
  }

  let started: StartedTestContainer;
  try {
    started = await container.start();
  } catch (error) {
    // testcontainers already removed a container that failed its wait strategy.
    untrack?.();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    id: started.getId(),
    host: loopback ? '127.0.0.1' : started.getHost(),
    port: started.getMappedPort(spec.port),
    stop: () => {
      stopping ??= started
        .stop({ remove: true, removeVolumes: true, timeout: 0 })
        .then(() => undefined)
        .finally(() => untrack?.());
      return stopping;
    },
  };
}
