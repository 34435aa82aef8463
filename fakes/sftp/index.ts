export { SftpFake, DEFAULT_IDENT } from './sftp-fake.ts';
export type { StartedSftpFake, HostKeyInfo } from './started-sftp-fake.ts';
export type { SftpUserOptions } from './sftp-user.ts';
export type { SftpFault } from './sftp-fault.ts';
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
} from './keys.ts';
