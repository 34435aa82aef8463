import createDebug from 'debug';
import { Transcript } from '../shared/transcript.ts';
import { launchSshd, type ProcessSftpFakeConfig, type RunningSshd } from './launch-sshd.ts';
import { loginGraceTimeAdjustment } from './login-limits.ts';
import { SftpFakeHandle } from './sftp-fake-handle.ts';
import type { SftpRuntime } from './sftp-runtime.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

const log = createDebug('partner-harness:fake:sftp');

/**
 * The machine's OpenSSH sshd on loopback, configured from the same builder as the embedded fake.
 * Users are real OS users locked in a chroot each; the transcript is read from sshd's log.
 */
export class StartedProcessSftpFake extends SftpFakeHandle {
  readonly #config: ProcessSftpFakeConfig;
  readonly #sshd: RunningSshd;

  private constructor(config: ProcessSftpFakeConfig, transcript: Transcript, sshd: RunningSshd) {
    super(config, transcript);
    this.#config = config;
    this.#sshd = sshd;
  }

  static async start(config: ProcessSftpFakeConfig): Promise<StartedProcessSftpFake> {
    const transcript = new Transcript();
    const sshd = await launchSshd(config, transcript);
    transcript.record('listening', { host: config.host, port: sshd.port, runtime: 'process', pid: sshd.pid, ident: sshd.ident });
    if (config.ignoredIdent !== undefined) {
      transcript.record('config-ignored', { option: 'withIdent', requested: config.ignoredIdent, reason: "OpenSSH's version string is compiled in", sent: sshd.ident });
    }
    const adjusted = loginGraceTimeAdjustment(config.loginGraceTimeMs);
    if (adjusted) transcript.record('config-adjusted', adjusted);
    log('process runtime listening on %s:%d (sshd pid %d)', config.host, sshd.port, sshd.pid);
    return new StartedProcessSftpFake(config, transcript, sshd);
  }

  override getRuntime(): SftpRuntime {
    return 'process';
  }

  /** sshd's PID, for tests that check nothing outlives stop(). */
  getPid(): number {
    return this.#sshd.pid;
  }

  override getHost(): string {
    return this.#config.host;
  }

  override getPort(): number {
    return this.#sshd.port;
  }

  /** Read from the user's chroot on disk; after stop() from the copy it took before deleting the chroot. */
  override readFile(user: string, path: string): Buffer | undefined {
    const chroot = this.#sshd.chroots.get(user);
    if (!chroot) throw new InvalidOptionError(`SftpFake: no user '${user}'; configured: ${[...this.#sshd.chroots.keys()].join(', ')}`);
    return chroot.readFile(path);
  }

  /** withStorage is embedded-only, so the process runtime has no shared store. */
  override readStorage(): Buffer | undefined {
    return undefined;
  }

  protected override async close(): Promise<void> {
    await this.#sshd.stop();
    log('stopped %s:%d', this.#config.host, this.#sshd.port);
  }
}
