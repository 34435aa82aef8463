import type { DatabaseProfile } from '../probe/jdbc/database-profile.ts';
import type { PartnerProfile } from '../probe/sftp/partner-profile.ts';

/** Text a hostile partner could put in its banner, ident or an error AWS quotes. */
export const HOSTILE = '<script>alert("pwned")</script>';

/**
 * An SFTP partner's saved probe as `probe --save` writes it: one policy passes (with the
 * algorithms it negotiated), one fails to negotiate with AWS's long message, one fails on auth.
 */
export function sftpProfile(overrides: Partial<PartnerProfile> = {}): PartnerProfile {
  return {
    partnerHarnessProfile: 1,
    target: 'sftp://acme@sftp.acme.example:2222',
    probedAt: '2026-03-04T05:06:07.000Z',
    ident: `SSH-2.0-AcmeSFTP_4.2 ${HOSTILE}`,
    banner: `Welcome to Acme\r\n${HOSTILE}\r\n`,
    algorithms: { kex: ['curve25519-sha256'], serverHostKey: ['ecdsa-sha2-nistp256'], cipher: ['aes128-gcm@openssh.com'], mac: ['hmac-sha2-256'], compression: ['none'] },
    authMethods: ['publickey', 'password'],
    hostKeys: [
      { type: 'ecdsa-sha2-nistp256', publicKey: 'ecdsa-sha2-nistp256 AAAAE2VjZHNh', fingerprint: 'SHA256:Jq3xv6Y0ZqR7b8k4mC2nS1tP5wL9dF0hGzUeAiBcDdE' },
      { type: 'ssh-ed25519', publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5', fingerprint: 'SHA256:0aZ9yX8wV7uT6sR5qP4oN3mL2kJ1iH0gF9eD8cB7aA6' },
    ],
    policiesWithCredentials: true,
    policies: [
      {
        name: 'TransferSFTPConnectorSecurityPolicy-2024-03',
        status: 'OK',
        statusMessage: 'Connection succeeded',
        provenance: 'documented',
        negotiated: { kex: 'curve25519-sha256', serverHostKey: 'ecdsa-sha2-nistp256', cipher: 'aes128-gcm@openssh.com', mac: '' },
      },
      {
        name: 'TransferSFTPConnectorSecurityPolicy-FIPS-2024-10',
        status: 'ERROR',
        statusMessage: `Failed to negotiate key exchange algorithm. Client offered: [ecdh-sha2-nistp256, ecdh-sha2-nistp384, ecdh-sha2-nistp521] Server offered: [curve25519-sha256,${'x'.repeat(240)}] ${HOSTILE}`,
        provenance: 'observed',
      },
      { name: 'TransferSFTPConnectorSecurityPolicy-2023-07', status: 'ERROR', statusMessage: 'Authentication failed for user acme', provenance: 'inferred' },
    ],
    ...overrides,
  };
}

/** A PostgreSQL partner's saved probe: one setting passes, one fails, one not predicted (no root certificate). */
export function databaseProfile(overrides: Partial<DatabaseProfile> = {}): DatabaseProfile {
  return {
    partnerHarnessProfile: 1,
    target: 'jdbc:postgresql://db.acme.example:5432/orders',
    probedAt: '2026-03-04T05:07:08.000Z',
    version: `16.4 ${HOSTILE}`,
    tls: {
      offered: true,
      required: false,
      certificates: [
        {
          subject: 'CN=db.acme.example',
          subjectAltName: ['DNS:db.acme.example'],
          issuer: 'CN=Acme Root CA',
          selfSigned: false,
          validTo: 'Jan  1 00:00:00 2030 GMT',
          fingerprint256: '3A:7F:11:C2:9B:04:DE:5A:88:61:F0:2C:47:BD:93:E5:0A:6C:D2:18:7B:F4:29:A1:C6:3E:85:D0:14:6F:B7:92',
        },
      ],
    },
    authMethod: 'scram-sha-256',
    answersWithCredentials: true,
    answers: [
      { setting: 'driver-default', status: 'OK', provenance: 'documented' },
      { setting: 'enforce-ssl', status: 'ERROR', exception: 'InvalidInputException', message: `SSL error: certificate verify failed ${HOSTILE}`, provenance: 'inferred' },
      { setting: 'enforce-ssl+custom-cert', status: 'ERROR', skipped: "no root certificate: the server sent no self-signed root; give the partner's CA with --ca-file" },
    ],
    ...overrides,
  };
}
