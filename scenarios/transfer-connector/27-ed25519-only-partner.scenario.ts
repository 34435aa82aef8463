import { defineScenario } from 'partner-harness';

// A modern partner with only an ed25519 host key: no connector policy offers ssh-ed25519, and
// TrustedHostKeys cannot hold one either (SftpConnectorConfig docs), so discovery is all that
// is left and it fails at negotiation.
export default defineScenario({
  name: 'A partner with only an ed25519 host key cannot be reached by any connector',
  tags: ['algorithms', 'host-key'],
  given: {
    fakes: {
      partner: { kind: 'sftp', hostKeys: ['ssh-ed25519'], users: [{ name: 'partner', password: 'Partner-Pass-1' }] },
    },
    secrets: { credentials: { SecretString: { Username: 'partner', Password: 'Partner-Pass-1' } } },
    connectors: {
      partner: {
        Url: '{{ fakes.partner.url }}',
        AccessRole: 'arn:aws:iam::000000000000:role/connector',
        SftpConfig: { UserSecretId: '{{ secrets.credentials.arn }}' },
      },
    },
  },
  when: { operation: 'transfer:TestConnection', input: { ConnectorId: '{{ connectors.partner.id }}' } },
  then: {
    status: 'ERROR',
    statusMessage:
      'Key exchange negotiation failed due to incompatible host key algorithms. Client offered: ' +
      '[ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, rsa-sha2-512, rsa-sha2-256] Server offered: [ssh-ed25519]',
    hostKey: { absent: true },
  },
});
