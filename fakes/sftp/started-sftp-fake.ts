import type { StartedFake } from '../shared/started-fake.ts';
import type { TranscriptEntry } from '../shared/transcript.ts';
import type { HostKeyType } from '../../core/ssh/index.ts';
import type { SftpRuntime } from './sftp-runtime.ts';

export interface HostKeyInfo {
  type: HostKeyType;
  /** `<type> <base64>`, exactly what ssh-keyscan prints after the host name. */
  publicKey: string;
  /** `SHA256:...` as ssh-keygen -l prints it. */
  fingerprint: string;
}

/** A running SFTP partner. Embedded, process and container flavours all look like this. */
export interface StartedSftpFake extends StartedFake {
  /** 'embedded' (ssh2 in this process), 'process' (the machine's OpenSSH sshd) or 'container'. */
  getRuntime(): SftpRuntime;
  /** `sftp://host:port`. */
  getUrl(): string;
  /** The first host key's public form. */
  getHostKey(): string;
  getHostKeyFingerprint(): string;
  getHostKeys(): HostKeyInfo[];
  /** A configured user, so scenarios can refer to its password without repeating it. */
  getUser(name: string): { name: string; password?: string; publicKeys: string[] };
  /** For process and container, parsed from sshd's log, which trails the client by a few milliseconds. */
  getTranscript(): TranscriptEntry[];
  /** A file in the user's tree after a run (relative paths resolve against the user's home). */
  readFile(user: string, path: string): Buffer | undefined;
  /** A file in the shared store that identity-provider users see (absolute path, e.g. '/bucket/home/alice/x'). */
  readStorage(path: string): Buffer | undefined;
  /** Idempotent: closes the listener and every client socket (or sshd, its users and chroots, or the container); resolves when all are gone. */
  stop(): Promise<void>;
}
