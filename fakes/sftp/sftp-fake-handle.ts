import type { Transcript, TranscriptEntry } from '../shared/transcript.ts';
import type { HostKey } from './host-keys.ts';
import type { SftpRuntime } from './sftp-runtime.ts';
import type { SftpUser } from './sftp-user.ts';
import type { HostKeyInfo, StartedSftpFake } from './started-sftp-fake.ts';

/** The part of every runtime's config that the shared getters read. */
export interface SftpFakeHandleConfig {
  users: ReadonlyMap<string, SftpUser>;
  hostKeys: HostKey[];
}

/**
 * What the embedded, process and container handles share: the getters derived from the config,
 * the transcript, and an idempotent stop() around the runtime's own close().
 */
export abstract class SftpFakeHandle implements StartedSftpFake {
  readonly #config: SftpFakeHandleConfig;
  protected readonly transcript: Transcript;
  #stopping?: Promise<void>;

  protected constructor(config: SftpFakeHandleConfig, transcript: Transcript) {
    this.#config = config;
    this.transcript = transcript;
  }

  abstract getRuntime(): SftpRuntime;
  abstract getHost(): string;
  abstract getPort(): number;
  abstract readFile(user: string, path: string): Buffer | undefined;
  abstract readStorage(path: string): Buffer | undefined;
  /** Releases the runtime and records 'stopped'; stop() calls it at most once. */
  protected abstract close(): Promise<void>;

  getUrl(): string {
    const host = this.getHost().includes(':') ? `[${this.getHost()}]` : this.getHost();
    return `sftp://${host}:${this.getPort()}`;
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

  /** For process and container, parsed from sshd's log, which trails the client by a few milliseconds. */
  getTranscript(): TranscriptEntry[] {
    return this.transcript.entries();
  }

  stop(): Promise<void> {
    this.#stopping ??= this.close();
    return this.#stopping;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
