import { StartedFakeBase } from '../shared/started-fake.ts';
import type { Transcript } from '../shared/transcript.ts';
import type { HostKey } from './host-keys.ts';
import type { SftpRuntime } from './sftp-runtime.ts';
import type { SftpUser } from './sftp-user.ts';
import type { HostKeyInfo, StartedSftpFake } from './started-sftp-fake.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** The part of every runtime's config that the shared getters read. */
export interface SftpFakeHandleConfig {
  users: ReadonlyMap<string, SftpUser>;
  hostKeys: HostKey[];
}

/**
 * What the embedded, process and container handles share: the getters derived from the config.
 * The lifecycle (stop() once around the runtime's own close(), dispose) is StartedFakeBase's.
 */
export abstract class SftpFakeHandle extends StartedFakeBase implements StartedSftpFake {
  readonly #config: SftpFakeHandleConfig;

  protected constructor(config: SftpFakeHandleConfig, transcript: Transcript) {
    super(transcript);
    this.#config = config;
  }

  abstract getRuntime(): SftpRuntime;
  abstract readFile(user: string, path: string): Buffer | undefined;
  abstract readStorage(path: string): Buffer | undefined;

  getUrl(): string {
    return this.formatUrl('sftp');
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
    if (!user) throw new InvalidOptionError(`SftpFake: no user '${name}'; configured: ${[...this.#config.users.keys()].join(', ') || '(none)'}`);
    return { name: user.name, ...(user.password === undefined ? {} : { password: user.password }), publicKeys: [...user.publicKeys] };
  }
}
