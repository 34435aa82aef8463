import { fileURLToPath } from 'node:url';
import createDebug from 'debug';
import { ensureImage, isContainerRuntimeAvailable, startContainer, type EnsuredImage, type StartedContainer } from '../container/index.ts';
import { LogTail } from '../../core/process/index.ts';
import type { Transcript } from '../shared/transcript.ts';
import { ContainerChrootFiles } from './container-chroot-files.ts';
import type { ProcessSftpFakeConfig } from './launch-sshd.ts';
import { CONTAINER_SSH_PORT, sshdContainerBundle } from './sshd-container-bundle.ts';
import { FRONT_FAULTS, startSshdFront, type SshdFront } from './sshd-front.ts';
import { SshdLogTranscript } from './sshd-log.ts';
import { FakeStartError, RuntimeUnavailableError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:sftp');
const sshdLog = createDebug('partner-harness:fake:sftp:sshd');

const CONTEXT = fileURLToPath(new URL('./container/', import.meta.url));
const IDENT_LINE = /^partner-harness: ident (.+)$/;
/** The entrypoint's own ident probe; clients arrive from the Docker gateway, never from here. */
const OWN_PROBE = / 127\.0\.0\.1 port /;

export interface RunningSshdContainer {
  host: string;
  /** The container's published port, or the front listener's when a fault or withPort() needs one. */
  port: number;
  ident: string;
  containerId: string;
  image: EnsuredImage;
  readyMs: number;
  files: ContainerChrootFiles;
  /** Keeps the users' files, closes the front listener and removes the container; idempotent. */
  stop(): Promise<void>;
}

/** The image to run: containers.images.sftp / PARTNER_HARNESS_IMAGE_SFTP as it is, else ours (partner-harness/sftp:bookworm-<hash>). */
export function ensureSftpImage(): Promise<EnsuredImage> {
  return ensureImage({ key: 'sftp', repository: 'partner-harness/sftp', tagPrefix: 'bookworm', dockerfile: 'sftp.Dockerfile', context: CONTEXT, files: ['sftp.Dockerfile', 'sshd-entrypoint.sh'] });
}

/**
 * Runs sshd in a container from the config bundle (see sshd-container-bundle.ts), waits for the
 * entrypoint's ready line (after sshd's `Server listening` and its ident on port 22), and puts
 * the host-side front listener before it for connection faults or a fixed withPort().
 */
export async function launchSshdContainer(config: ProcessSftpFakeConfig, transcript: Transcript): Promise<RunningSshdContainer> {
  const availability = isContainerRuntimeAvailable();
  if (!availability.available) throw new RuntimeUnavailableError(`SftpFake: runtime 'container' is not available: ${availability.reason}`);
  const bundle = sshdContainerBundle(config);
  const image = await ensureSftpImage();
  const parser = new SshdLogTranscript(transcript, {
    users: new Map([...config.users.values()].map((user) => [user.name, new Set(user.authorizedKeys.map((key) => key.fingerprint))])),
    refuseLogin: config.faults.some((fault) => fault.kind === 'refuse-login'),
  });
  const output = new LogTail(60);
  let ident: string | undefined;
  const onLine = (line: string) => {
    sshdLog('%s', line);
    const own = IDENT_LINE.exec(line);
    if (own) ident = own[1];
    else if (!OWN_PROBE.test(line)) parser.line(line);
  };
  const began = performance.now();
  let container: StartedContainer;
  try {
    container = await startContainer({
      image: image.name,
      port: CONTAINER_SSH_PORT,
      files: bundle,
      waitStrategy: (wait) => wait.forLogMessage(/partner-harness: sshd ready/),
      startupTimeoutMs: 30_000,
      onLog: lineSplitter((line) => {
        output.push(`${line}\n`);
        onLine(line);
      }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const secrets = [...config.users.values()].flatMap((user) => (user.password === undefined ? [] : [user.password]));
    throw new FakeStartError(`SftpFake (container): the ${image.name} container did not become ready (${reason}); its log ends:\n  ${output.lines(secrets).join('\n  ')}`, { cause: error });
  }
  const readyMs = Math.round(performance.now() - began);
  // Our log stream may trail the wait strategy's by a few milliseconds.
  for (let waited = 0; ident === undefined && waited < 2_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  const files = new ContainerChrootFiles(container.id, config.users);
  let front: SshdFront | undefined;
  const needsFront = config.port !== 0 || config.faults.some((fault) => FRONT_FAULTS.has(fault.kind));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await front?.close();
      await files.freeze().catch((error: unknown) => log('cannot keep the users\' files: %s', (error as Error).message));
      await container.stop();
    })();
    return stopping;
  };
  try {
    if (needsFront) {
      front = await startSshdFront({ host: config.host, port: config.port, backendPort: container.port, faults: config.faults, identLine: ident ?? '', transcript });
    }
  } catch (error) {
    await stop().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FakeStartError(`SftpFake: cannot listen on ${config.host}:${config.port} (${code}); use withPort(0) for a free port`, { cause: error });
  }
  const host = front ? config.host : container.host;
  const port = front?.port ?? container.port;
  log('sshd container %s (%s) ready on %s:%d in %d ms', container.id.slice(0, 12), image.name, host, port, readyMs);
  return { host, port, ident: ident ?? '?', containerId: container.id, image, readyMs, files, stop };
}

/** Log chunks to whole lines (the stream splits wherever it likes). */
function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let partial = '';
  return (chunk) => {
    const lines = (partial + chunk).split(/\r?\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') onLine(line);
  };
}
