import createDebug from 'debug';
import { Transcript } from '../shared/transcript.ts';
import type { ProcessSftpFakeConfig } from './launch-sshd.ts';
import { launchSshdContainer, type RunningSshdContainer } from './launch-sshd-container.ts';
import { loginGraceTimeAdjustment } from './login-limits.ts';
import { SftpFakeHandle } from './sftp-fake-handle.ts';
import type { SftpRuntime } from './sftp-runtime.ts';

const log = createDebug('partner-harness:fake:sftp');

/**
 * OpenSSH sshd in a container (partner-harness/sftp), configured from the same builder and the
 * same sshd_config renderer as runtime 'process'; users exist only inside the container.
 */
export class StartedContainerSftpFake extends SftpFakeHandle {
  readonly #sshd: RunningSshdContainer;

  private constructor(config: ProcessSftpFakeConfig, transcript: Transcript, sshd: RunningSshdContainer) {
    super(config, transcript);
    this.#sshd = sshd;
  }

  static async start(config: ProcessSftpFakeConfig): Promise<StartedContainerSftpFake> {
    const transcript = new Transcript();
    const sshd = await launchSshdContainer(config, transcript);
    transcript.record('listening', {
      host: sshd.host,
      port: sshd.port,
      runtime: 'container',
      ident: sshd.ident,
      image: sshd.image.name,
      ...(sshd.image.base ? { baseImage: sshd.image.base.image } : {}),
      containerId: sshd.containerId,
      readyMs: sshd.readyMs,
      ...(sshd.image.built ? { imageBuildMs: sshd.image.buildMs } : {}),
    });
    if (config.ignoredIdent !== undefined) {
      transcript.record('config-ignored', { option: 'withIdent', requested: config.ignoredIdent, reason: "OpenSSH's version string is compiled in", sent: sshd.ident });
    }
    const adjusted = loginGraceTimeAdjustment(config.loginGraceTimeMs);
    if (adjusted) transcript.record('config-adjusted', adjusted);
    return new StartedContainerSftpFake(config, transcript, sshd);
  }

  override getRuntime(): SftpRuntime {
    return 'container';
  }

  /** For tests that check the container is gone after stop(). */
  getContainerId(): string {
    return this.#sshd.containerId;
  }

  override getHost(): string {
    return this.#sshd.host;
  }

  override getPort(): number {
    return this.#sshd.port;
  }

  /** Read inside the container (docker exec); after stop() from the copy taken before removing it. */
  override readFile(user: string, path: string): Buffer | undefined {
    return this.#sshd.files.readFile(user, path);
  }

  /** withStorage is embedded-only. */
  override readStorage(): Buffer | undefined {
    return undefined;
  }

  protected override async close(): Promise<void> {
    await this.#sshd.stop();
    log('stopped container %s', this.#sshd.containerId.slice(0, 12));
  }
}
