import { defineMessages } from './define-messages.ts';

const TEST_CONNECTION_DOC = 'https://docs.aws.amazon.com/transfer/latest/APIReference/API_TestConnection.html; labels in https://boto3.amazonaws.com/v1/documentation/api/1.28.32/reference/services/transfer/client/test_connection.html';
const TROUBLESHOOTING = 'https://docs.aws.amazon.com/transfer/latest/userguide/connector-troubleshooting.html';
const TUTORIAL = 'https://docs.aws.amazon.com/transfer/latest/userguide/sftp-connectors-tutorial.html ("Test a connector using the CLI")';

/**
 * Transfer Family texts. Where AWS documents only a label ("Unknown Host/Connection failed"),
 * the label is kept verbatim as the prefix and the detail after it is ours (inferred).
 */
export const transferMessages = defineMessages([
  {
    id: 'transfer.test-connection.succeeded',
    text: 'Connection succeeded',
    provenance: 'documented',
    source: `${TEST_CONNECTION_DOC}, sample response`,
  },
  {
    id: 'transfer.test-connection.access-role',
    text: 'Unable to assume the configured access role',
    provenance: 'documented',
    source: TUTORIAL,
  },
  {
    id: 'transfer.test-connection.secret-access',
    text: 'Cannot access secret manager',
    provenance: 'inferred',
    source:
      'Prefix observed: AWS\'s own module retries on "Cannot access secret manager" ' +
      '(https://github.com/aws-ia/terraform-aws-transfer-family/blob/305c3ecc204692ce54d52b3b1ead0741949c65a2/modules/transfer-connectors/main.tf); whether AWS adds more after it is unknown (inferred)',
  },
  {
    id: 'transfer.test-connection.secret-format',
    text: 'Private key not found',
    provenance: 'inferred',
    source: `Doc label "Private key not found" (${TEST_CONNECTION_DOC}); the reason is in the diagnosis`,
  },
  {
    id: 'transfer.test-connection.host-key-mismatch',
    text:
      'Invalid trusted host keys',
    provenance: 'inferred',
    source: `Doc label "Invalid trusted host keys" (${TEST_CONNECTION_DOC}); the key the server showed is in the diagnosis`,
  },
  {
    id: 'transfer.test-connection.no-trusted-host-keys',
    text:
      'No trusted host keys configured',
    provenance: 'inferred',
    source:
      'SftpConnectorConfig docs: "If not provided, you can use TestConnection to retrieve the ' +
      'server host key"; status and text inferred',
  },
  {
    id: 'transfer.test-connection.unknown-host',
    text: 'Unknown Host/Connection failed: {host} could not be resolved',
    provenance: 'inferred',
    source: `Doc label "Unknown Host/Connection failed" (${TEST_CONNECTION_DOC}); detail inferred`,
  },
  {
    id: 'transfer.test-connection.connection-refused',
    text: 'Unknown Host/Connection failed: connection to {host}:{port} was refused',
    provenance: 'inferred',
    source: `Doc label "Unknown Host/Connection failed" (${TEST_CONNECTION_DOC}); detail inferred`,
  },
  {
    id: 'transfer.test-connection.timeout',
    text: 'Unknown Host/Connection failed: timed out after {seconds} seconds connecting to {host}:{port}',
    provenance: 'inferred',
    source: `Doc label "Unknown Host/Connection failed" (${TEST_CONNECTION_DOC}); detail inferred`,
  },
  {
    id: 'transfer.test-connection.connection-closed',
    text: 'Unknown Host/Connection failed: {host}:{port} closed the connection {stage}',
    provenance: 'inferred',
    source: `Doc label "Unknown Host/Connection failed" (${TEST_CONNECTION_DOC}); detail inferred`,
  },
  {
    id: 'transfer.test-connection.kex-host-key',
    text:
      'Key exchange negotiation failed due to incompatible host key algorithms. ' +
      'Client offered: [{clientOffered}] Server offered: [{serverOffered}]',
    provenance: 'documented',
    source: `${TROUBLESHOOTING} ("Key negotiation fails")`,
  },
  {
    id: 'transfer.test-connection.kex-kex',
    text:
      'Key exchange negotiation failed due to incompatible key exchange algorithms. ' +
      'Client offered: [{clientOffered}] Server offered: [{serverOffered}]',
    provenance: 'inferred',
    source: `Same form as the documented host-key text (${TROUBLESHOOTING})`,
  },
  {
    id: 'transfer.test-connection.kex-cipher',
    text:
      'Key exchange negotiation failed due to incompatible ciphers. ' +
      'Client offered: [{clientOffered}] Server offered: [{serverOffered}]',
    provenance: 'inferred',
    source: `Same form as the documented host-key text (${TROUBLESHOOTING})`,
  },
  {
    id: 'transfer.test-connection.kex-mac',
    text:
      'Key exchange negotiation failed due to incompatible MAC algorithms. ' +
      'Client offered: [{clientOffered}] Server offered: [{serverOffered}]',
    provenance: 'inferred',
    source: `Same form as the documented host-key text (${TROUBLESHOOTING})`,
  },
  {
    id: 'transfer.test-connection.auth-failed',
    text: 'Authentication failed for user {username} (tried: {methods})',
    provenance: 'inferred',
    source: `No text found; the doc groups it with "verify that the login credentials work" (${TEST_CONNECTION_DOC})`,
  },
  {
    id: 'transfer.test-connection.sftp-refused',
    text: 'Unable to open an SFTP session: the server rejected the sftp subsystem request',
    provenance: 'inferred',
    source: 'No text found; inferred',
  },
  {
    id: 'transfer.test-connection.failed',
    text: 'Connection failed',
    provenance: 'inferred',
    source: 'Catch-all for SSH failures with no closer entry; inferred',
  },
  {
    id: 'transfer.connector.not-found',
    text: 'Unknown connector',
    provenance: 'inferred',
    source: 'By analogy with the documented "Unknown server" (API_TestIdentityProvider); fakecloud says "Connector {id} does not exist."',
  },
  {
    id: 'transfer.list.invalid-next-token',
    text: 'Invalid NextToken: {token}',
    provenance: 'inferred',
    source: 'InvalidNextTokenException is in the ListConnectors model; text inferred',
  },
  {
    id: 'transfer.connector.url-required',
    text: 'Url is required for SFTP connectors that do not use egress configuration',
    provenance: 'inferred',
    source: 'CreateConnector docs: "you must provide a URL"; text inferred',
  },
  {
    id: 'transfer.connector.config-required',
    text: 'Exactly one of As2Config or SftpConfig must be provided',
    provenance: 'inferred',
    source: 'CreateConnector docs; text inferred',
  },
  {
    id: 'transfer.connector.secret-required',
    text: 'SftpConfig.UserSecretId is required when creating an SFTP connector',
    provenance: 'inferred',
    source: 'SftpConnectorConfig docs: "Required when creating an SFTP connector"; text inferred',
  },
  {
    id: 'transfer.connector.invalid-url',
    text: 'Invalid URL {url}: an SFTP connector URL has the form sftp://host[:port]',
    provenance: 'inferred',
    source: 'Url docs; text inferred',
  },
  {
    id: 'transfer.connector.invalid-host-key',
    text: 'Invalid host key format.',
    provenance: 'documented',
    source: `${TROUBLESHOOTING}: console error "Failed to edit connector details (Invalid host key format.)"`,
  },
  {
    id: 'transfer.connector.unsupported-host-key-type',
    text:
      'Unsupported host key type {keyType}. Supported types: ssh-rsa, ecdsa-sha2-nistp256, ' +
      'ecdsa-sha2-nistp384, ecdsa-sha2-nistp521',
    provenance: 'inferred',
    source: 'https://docs.aws.amazon.com/transfer/latest/APIReference/API_SftpConnectorConfig.html (ed25519 not supported for connectors); text inferred',
  },
  {
    id: 'transfer.connector.host-key-with-host-name',
    text: 'Invalid host key format.',
    provenance: 'inferred',
    source: 'https://docs.aws.amazon.com/transfer/latest/APIReference/API_SftpConnectorConfig.html: for VPC_LATTICE connectors "the only accepted trusted host key format is key-type key-body without the host name"; the documented format error reused (inferred)',
  },
  {
    id: 'transfer.test-connection.connector-pending',
    text: 'Connector not available',
    provenance: 'documented',
    source: `${TUTORIAL}: "During this time, the connector status will be PENDING and TestConnection will return \"Connector not available\""; Status ERROR inferred`,
  },
  {
    id: 'transfer.connector.unknown-security-policy',
    text: 'Security policy {name} does not exist',
    provenance: 'inferred',
    source: 'security-policies-connectors lists the policies; text inferred',
  },
]);
