/**
 * SFTP partners: SftpFake builds one; runtime 'embedded' (default) is ssh2 in this process,
 * runtime 'process' (withRuntime('process')) is the machine's OpenSSH sshd on 127.0.0.1 with
 * real OS users named as configured (created with useradd, deleted by stop() or at exit),
 * each in a chroot under /run/partner-harness-sftp-*; runtime 'container' is that sshd in a
 * container (image partner-harness/sftp:bookworm). Check isSftpRuntimeAvailable() first.
 */
export { SftpFake, DEFAULT_IDENT } from './sftp-fake.ts';
export type { StartedSftpFake, HostKeyInfo } from './started-sftp-fake.ts';
export type { SftpUserOptions } from './sftp-user.ts';
export type { SftpFault } from './sftp-fault.ts';
export { isSftpRuntimeAvailable, SFTP_RUNTIMES, type SftpRuntime } from './sftp-runtime.ts';
export type { SftpIdentityProvider, IdentityProviderEvent } from './identity-provider.ts';
export { SUPPORTED_ALGORITHMS, type SshAlgorithms } from './ssh-algorithms.ts';
export {
  generateSshKey,
  parsePublicKey,
  parsePrivateKey,
  publicKeyFingerprint,
  HOST_KEY_TYPES,
  type HostKeyType,
  type SshKeyPair,
  type ParsedPublicKey,
} from '../../core/ssh/index.ts';
export {
  DEFAULT_LOGIN_GRACE_TIME_MS,
  DEFAULT_MAX_STARTUPS,
  MAX_LOGIN_GRACE_TIME_MS,
  parseMaxStartups,
  formatMaxStartups,
  type MaxStartups,
} from './login-limits.ts';
