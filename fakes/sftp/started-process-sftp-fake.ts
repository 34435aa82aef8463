import createDebug from 'debug';
import { Transcript, type TranscriptEntry } from '../shared/transcript.ts';
import { launchSshd, type ProcessSftpFakeConfig, type RunningSshd } from './launch-sshd.ts';
import type { HostKeyInfo, StartedSftpFake } from './started-sftp-fake.ts';
import type { SftpRuntime } from './sftp-runtime.ts';

const log = createDebug('partner-harness:fake:sftp');

/**
 * The machine's OpenSSH sshd on loopback, configured from the same builder as the embedded fake.
 * Users are real OS users locked in a chroot each; the transcript is read from sshd's log.
 */
export class StartedProcessSftpFake implements StartedSftpFake {
  readonly #config: ProcessSftpFakeConfig;
  readonly #transcript: Transcript;
  readonly #sshd: RunningSshd;
  #stopping?: Promise<void>;

  private constructor(config: ProcessSftpFakeConfig, transcript: Transcript, sshd: RunningSshd) {
    this.#config = config;
    this.#transcript = transcript;
    this.#sshd = sshd;
  }

  static async start(config: ProcessSftpFakeConfig): Promise<StartedProcessSftpFake> {
    const transcript = new Transcript();
    const sshd = await launchSshd(config, transcript);
    transcript.record('listening', { host: config.host, port: sshd.port, runtime: 'process', pid: sshd.pid, ident: sshd.ident });
    if (config.ignoredIdent !== undefined) {
      transcript.record('config-ignored', { option: 'withIdent', requested: config.ignoredIdent, reason: "OpenSSH's version string is compiled in", sent: sshd.ident });
    }
    log('process runtime listening on %s:%d (sshd pid %d)', config.host, sshd.port, sshd.pid);
    return new StartedProcessSftpFake(config, transcript, sshd);
  }

  getRuntime(): SftpRuntime {
    return 'process';
  }

  /** sshd's PID, for tests that check nothing outlives stop(). */
  getPid(): number {
    return this.#sshd.pid;
  }

  getHost(): string {
    return this.#config.host;
  }

  getPort(): number {
    return this.#sshd.port;
  }

  getUrl(): string {
    const host = this.#config.host.includes(':') ? `[${this.#config.host}]` : this.#config.host;
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

  /** sshd writes its log asynchronously: an entry may land a few milliseconds after the client saw the event. */
  getTranscript(): TranscriptEntry[] {
    return this.#transcript.entries();
  }

  /** Read from the user's chroot on disk; after stop() from the copy it took before deleting the chroot. */
  readFile(user: string, path: string): Buffer | undefined {
    const chroot = this.#sshd.chroots.get(user);
    if (!chroot) throw new Error(`SftpFake: no user '${user}'; configured: ${[...this.#sshd.chroots.keys()].join(', ')}`);
    return chroot.readFile(path);
  }

  /** withStorage is embedded-only, so the process runtime has no shared store. */
  readStorage(): Buffer | undefined {
    return undefined;
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#sshd.stop().finally(() => {
      this.#transcript.record('stopped', {});
      log('stopped %s:%d', this.#config.host, this.#sshd.port);
    });
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
