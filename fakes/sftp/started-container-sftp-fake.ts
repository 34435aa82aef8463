import createDebug from 'debug';
import { Transcript, type TranscriptEntry } from '../shared/transcript.ts';
import type { ProcessSftpFakeConfig } from './launch-sshd.ts';
import { launchSshdContainer, type RunningSshdContainer } from './launch-sshd-container.ts';
import type { HostKeyInfo, StartedSftpFake } from './started-sftp-fake.ts';
import type { SftpRuntime } from './sftp-runtime.ts';

const log = createDebug('partner-harness:fake:sftp');

/**
 * OpenSSH sshd in a container (partner-harness/sftp), configured from the same builder and the
 * same sshd_config renderer as runtime 'process'; users exist only inside the container.
 */
export class StartedContainerSftpFake implements StartedSftpFake {
  readonly #config: ProcessSftpFakeConfig;
  readonly #transcript: Transcript;
  readonly #sshd: RunningSshdContainer;
  #stopping?: Promise<void>;

  private constructor(config: ProcessSftpFakeConfig, transcript: Transcript, sshd: RunningSshdContainer) {
    this.#config = config;
    this.#transcript = transcript;
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
      containerId: sshd.containerId,
      readyMs: sshd.readyMs,
      ...(sshd.image.built ? { imageBuildMs: sshd.image.buildMs } : {}),
    });
    if (config.ignoredIdent !== undefined) {
      transcript.record('config-ignored', { option: 'withIdent', requested: config.ignoredIdent, reason: "OpenSSH's version string is compiled in", sent: sshd.ident });
    }
    return new StartedContainerSftpFake(config, transcript, sshd);
  }

  getRuntime(): SftpRuntime {
    return 'container';
  }

  /** For tests that check the container is gone after stop(). */
  getContainerId(): string {
    return this.#sshd.containerId;
  }

  getHost(): string {
    return this.#sshd.host;
  }

  getPort(): number {
    return this.#sshd.port;
  }

  getUrl(): string {
    const host = this.#sshd.host.includes(':') ? `[${this.#sshd.host}]` : this.#sshd.host;
    return `sftp://${host}:${this.#sshd.port}`;
  }

  getHostKey(): string {
    return this.#config.hostKeys[0]!.publicKey;
  }

  getHostKeyFingerprint(): string {
    return this.#config.hostKeys[0]!.fingerprint;
  }

  getHostKeys(): HostKeyInfo[] {
    return this.#config.hostKeys.map(({ type, publicKey, fingerprint }) => ({ type, publicKey, fingerprint }));
  }

  getUser(name: string): { name: string; password?: string; publicKeys: string[] } {
    const user = this.#config.users.get(name);
    if (!user) throw new Error(`SftpFake: no user '${name}'; configured: ${[...this.#config.users.keys()].join(', ') || '(none)'}`);
    return { name: user.name, ...(user.password === undefined ? {} : { password: user.password }), publicKeys: [...user.publicKeys] };
  }

  /** Parsed from the container's log, which trails the client by a few milliseconds. */
  getTranscript(): TranscriptEntry[] {
    return this.#transcript.entries();
  }

  /** Read inside the container (docker exec); after stop() from the copy taken before removing it. */
  readFile(user: string, path: string): Buffer | undefined {
    return this.#sshd.files.readFile(user, path);
  }

  /** withStorage is embedded-only. */
  readStorage(): Buffer | undefined {
    return undefined;
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#sshd.stop().finally(() => {
      this.#transcript.record('stopped', {});
      log('stopped container %s', this.#sshd.containerId.slice(0, 12));
    });
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
