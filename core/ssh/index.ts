// SSH keys and fingerprints, shared by the emulator (connectors, TestConnection) and the SFTP fake.
export { HOST_KEY_TYPES, isHostKeyType, type HostKeyType } from './host-key-type.ts';
export { blobFingerprint, blobKeyType, formatPublicKey } from './ssh-key-blob.ts';
export { parsePrivateKey, parsePublicKey, publicKeyFingerprint, readSshKey, type ParsedPublicKey } from './parse-ssh-key.ts';
export { generateSshKey, type SshKeyPair } from './generate-ssh-key.ts';
export { readServerOffer, type OfferCategory, type ServerOffer } from './server-offer.ts';
export { SSH2_SUPPORTED } from './ssh2-supported.ts';
