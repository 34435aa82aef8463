import { createRequire } from 'node:module';

interface Ssh2Constants {
  SUPPORTED_KEX: string[];
  SUPPORTED_SERVER_HOST_KEY: string[];
  SUPPORTED_CIPHER: string[];
  SUPPORTED_MAC: string[];
  SUPPORTED_COMPRESSION: string[];
}

// ssh2 does not export these lists publicly, and they depend on what this Node's OpenSSL
// offers, so we read them from the same place ssh2 does.
const constants = createRequire(import.meta.url)('ssh2/lib/protocol/constants.js') as Ssh2Constants;

/** Every algorithm ssh2 can speak here, per KEXINIT slot, in ssh2's preference order. */
export const SSH2_SUPPORTED = {
  kex: constants.SUPPORTED_KEX,
  serverHostKey: constants.SUPPORTED_SERVER_HOST_KEY,
  cipher: constants.SUPPORTED_CIPHER,
  mac: constants.SUPPORTED_MAC,
  compression: constants.SUPPORTED_COMPRESSION,
} as const satisfies Record<string, readonly string[]>;
