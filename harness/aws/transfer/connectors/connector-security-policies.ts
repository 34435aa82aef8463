/**
 * The SFTP connector security policies, as tabled in the Transfer user guide
 * ("Security policies for SFTP connectors"). The host-key order is the one AWS prints in its
 * documented negotiation error ("Client offered: [ecdsa-sha2-nistp256, ecdsa-sha2-nistp384,
 * ecdsa-sha2-nistp521, rsa-sha2-512, rsa-sha2-256]"); the other lists keep the table's order.
 */
export interface ConnectorSecurityPolicy {
  name: string;
  ciphers: string[];
  kexs: string[];
  macs: string[];
  hostKeyAlgorithms: string[];
}

export const DEFAULT_CONNECTOR_SECURITY_POLICY = 'TransferSFTPConnectorSecurityPolicy-2024-03';

const GCM = ['aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'];
const MODERN_KEX = [
  'curve25519-sha256',
  'curve25519-sha256@libssh.org',
  'diffie-hellman-group16-sha512',
  'diffie-hellman-group18-sha512',
  'diffie-hellman-group-exchange-sha256',
];
const SHA2_MACS = ['hmac-sha2-512', 'hmac-sha2-256'];
const ETM_MACS = ['hmac-sha2-512-etm@openssh.com', 'hmac-sha2-256-etm@openssh.com'];
const ECDSA = ['ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521'];
const RSA_SHA2 = ['rsa-sha2-512', 'rsa-sha2-256'];

export const connectorSecurityPolicies: Record<string, ConnectorSecurityPolicy> = {
  'TransferSFTPConnectorSecurityPolicy-2023-07': {
    name: 'TransferSFTPConnectorSecurityPolicy-2023-07',
    ciphers: [...GCM, 'aes128-ctr', 'aes192-ctr', 'aes256-ctr'],
    kexs: [...MODERN_KEX, 'diffie-hellman-group14-sha1'],
    macs: [...SHA2_MACS, ...ETM_MACS, 'hmac-sha1', 'hmac-sha1-96'],
    hostKeyAlgorithms: [...ECDSA, ...RSA_SHA2, 'ssh-rsa'],
  },
  'TransferSFTPConnectorSecurityPolicy-2024-03': {
    name: 'TransferSFTPConnectorSecurityPolicy-2024-03',
    ciphers: [...GCM, 'aes192-ctr', 'aes256-ctr'],
    kexs: MODERN_KEX,
    macs: [...SHA2_MACS, ...ETM_MACS],
    hostKeyAlgorithms: [...ECDSA, ...RSA_SHA2],
  },
  'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10': {
    name: 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10',
    ciphers: GCM,
    kexs: ['ecdh-sha2-nistp256', 'ecdh-sha2-nistp384', 'ecdh-sha2-nistp521'],
    macs: SHA2_MACS,
    hostKeyAlgorithms: ['ecdsa-sha2-nistp256', ...RSA_SHA2],
  },
};
