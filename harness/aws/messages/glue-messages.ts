import { defineMessages } from './define-messages.ts';

/** Glue's documented failure prefix: the driver's own message follows it (aws-behaviors.md C). */
export const JDBC_PREFIX = 'Check that your connection definition references your JDBC database with correct URL syntax, username, and password. ';
const PREFIX_SEEN = 'Prefix observed, followed by the JDBC driver\'s message: https://www.reddit.com/r/aws/comments/jtzn9x/aws_glue_to_rds_help/ and https://github.com/timescale/docs/blob/6be8198770bf7edf1be511e4cadbb99b28c7b390/_troubleshooting/cloud-jdbc-authentication-support.md';
const TEST_DOC = 'Glue API TestConnection docs; text inferred';
const MOTO = 'moto uses this wording [PEER]; AWS text unknown';

export const glueMessages = defineMessages([
  { id: 'glue.connection.not-found', text: 'Connection {name} not found', provenance: 'inferred', source: MOTO },
  { id: 'glue.list.invalid-next-token', text: 'Invalid NextToken: {token}', provenance: 'inferred', source: 'InvalidInputException for a token never issued; text inferred' },
  { id: 'glue.connection.exists', text: 'Connection {name} already exists', provenance: 'inferred', source: MOTO },
  {
    id: 'glue.test-connection.name-and-input',
    text: 'Provide either ConnectionName or TestConnectionInput, not both',
    provenance: 'inferred',
    source: 'TestConnection docs: "Providing both at the same time will cause an error"; text inferred',
  },
  { id: 'glue.test-connection.neither', text: 'Provide either ConnectionName or TestConnectionInput', provenance: 'inferred', source: TEST_DOC },
  {
    id: 'glue.test-connection.unsupported-type',
    text: 'TestConnection is only available for the JDBC or SALESFORCE connection types, not {type}',
    provenance: 'inferred',
    source: 'TestConnection docs: "This operation is only available for the JDBC or SALESFORCE connection types."',
  },
  {
    id: 'glue.jdbc.missing-endpoint',
    text: 'JDBC connection properties must include JDBC_CONNECTION_URL, or all of HOST, PORT and JDBC_ENGINE',
    provenance: 'inferred',
    source: TEST_DOC,
  },
  {
    id: 'glue.jdbc.missing-credentials',
    text: 'JDBC connection properties must include USERNAME and PASSWORD, or SECRET_ID',
    provenance: 'inferred',
    source: TEST_DOC,
  },
  { id: 'glue.jdbc.malformed-url', text: `${JDBC_PREFIX}Invalid JDBC URL {url}: {reason}`, provenance: 'inferred', source: `${PREFIX_SEEN}; detail inferred` },
  { id: 'glue.jdbc.unsupported-engine', text: `${JDBC_PREFIX}Unsupported JDBC_ENGINE {engine}`, provenance: 'inferred', source: `${PREFIX_SEEN}; detail inferred` },
  { id: 'glue.jdbc.driver-error', text: `${JDBC_PREFIX}{driverMessage}`, provenance: 'observed', source: PREFIX_SEEN },
  {
    id: 'glue.jdbc.timeout',
    text: 'Test connection timed out after {seconds} seconds',
    provenance: 'inferred',
    source: 're:Post glue-test-connection-failed: "Otherwise, the connection times out."; exception type and text inferred',
  },
  {
    id: 'glue.jdbc.custom-cert-unreadable',
    text: 'Unable to read CUSTOM_JDBC_CERT {location}: {reason}',
    provenance: 'inferred',
    source: 'connection-properties: CUSTOM_JDBC_CERT is "An Amazon S3 location specifying the customer\'s root certificate"; the reason is S3\'s NoSuchKey text; the rest inferred',
  },
  {
    id: 'glue.jdbc.custom-cert-invalid',
    text: 'CUSTOM_JDBC_CERT {location} failed validation: {reason}',
    provenance: 'inferred',
    source: 'connection-properties, SKIP_CUSTOM_JDBC_CERT_VALIDATION: only SHA256withRSA, SHA384withRSA or SHA512withRSA signatures and keys of at least 2048 bits; text inferred',
  },
  {
    id: 'glue.jdbc.secret-unreadable',
    text: 'Unable to retrieve secret {secretId}: {reason}',
    provenance: 'inferred',
    source: 'SECRET_ID connection property docs; text inferred',
  },
  {
    id: 'glue.jdbc.secret-format',
    text: 'Secret {secretId} must be a JSON object with username and password keys',
    provenance: 'inferred',
    source: 'Glue stores JDBC credentials in secrets as {"username","password"}; text inferred',
  },
  {
    id: 'glue.jdbc.engine-not-reachable',
    text: 'partner-harness cannot log in to {engine} databases: no {engine} engine or driver is available here; test this connection with --mode aws',
    provenance: 'harness',
    source: 'Harness limitation: only PostgreSQL and MySQL/MariaDB have real engines and drivers here',
  },
  {
    id: 'glue.salesforce.missing-authentication',
    text: 'SALESFORCE connections require AuthenticationConfiguration',
    provenance: 'inferred',
    source: 'TestConnection docs: "SALESFORCE connections require the AuthenticationConfiguration member"; text inferred',
  },
  { id: 'glue.salesforce.unsupported-authentication', text: 'SALESFORCE connections support AuthenticationType OAUTH2, not {type}', provenance: 'inferred', source: TEST_DOC },
  { id: 'glue.salesforce.missing-property', text: 'SALESFORCE connections require {property}', provenance: 'inferred', source: TEST_DOC },
  {
    id: 'glue.salesforce.token-error',
    text: 'OAuth2 token request to {tokenUrl} failed with HTTP {status}: {error}: {description}',
    provenance: 'inferred',
    source: 'How Glue surfaces token errors is unknown (aws-behaviors.md gap C); the error/error_description pair is standard OAuth 2.0',
  },
  { id: 'glue.salesforce.api-error', text: 'Salesforce API call to {url} failed with HTTP {status}: {detail}', provenance: 'inferred', source: 'Gap C; text inferred' },
  { id: 'glue.salesforce.unreachable', text: 'Unable to reach {url}: {reason}', provenance: 'inferred', source: 'Gap C; text inferred' },
  {
    id: 'glue.network.subnet-not-found',
    text: "The subnet ID '{subnetId}' does not exist",
    provenance: 'inferred',
    source: 'Glue calls ec2:DescribeSubnets (https://docs.aws.amazon.com/glue/latest/dg/glue-troubleshooting-errors.html, "Failed to call ec2:DescribeSubnets"); EC2\'s text for an unknown subnet (https://github.com/jschementi/riker/issues/42); whether Glue relays it is not known',
  },
  {
    id: 'glue.network.az-subnet-mismatch',
    text: 'Availability Zone {availabilityZone} does not correspond to subnet',
    provenance: 'observed',
    source: 'https://github.com/aws-solutions-library-samples/data-lakes-on-aws/issues/317 (seen from a Glue job run, AWSGlueJobExecutor, InvalidInputException, Status Code: 400; the subnet id is not appended; that TestConnection answers the same text is inferred)',
  },
  {
    id: 'glue.network.security-group-not-found',
    text: "The security group '{groupId}' does not exist in VPC '{vpcId}'",
    provenance: 'inferred',
    source: 'Glue calls ec2:DescribeSecurityGroups (https://docs.aws.amazon.com/glue/latest/dg/glue-troubleshooting-errors.html); the form of EC2\'s InvalidGroup.NotFound text in a VPC (https://github.com/getmoto/moto/issues/5484); whether Glue relays it is not known',
  },
  {
    id: 'glue.network.no-self-referencing-ingress',
    text: 'At least one security group must open all ingress ports.To limit traffic, the source security group in your inbound rule can be restricted to the same security group',
    provenance: 'observed',
    source: 'https://github.com/lifemapper/bison/blob/1313b41688e2ad9d66720c58fa12fe393297dbc7/_sphinx_config/pages/aws_experiments.rst and https://github.com/sch6393/sch/blob/130430a18843029a8ed02f228e1c2d0b48b9d89b/aws/glue/README.md (TestConnection, InvalidInputException; no space after "ports.", no final period)',
  },
  {
    id: 'glue.network.no-all-egress',
    text: 'At least one security group must open all egress ports.To limit traffic, the source security group in your outbound rule can be restricted to the same security group',
    provenance: 'observed',
    source: 'https://github.com/sch6393/sch/commits/main/aws/glue/README.md (a version of that file quotes a Glue job run, AWSGlueJobExecutor, answering the ingress and egress texts joined by one space, InvalidInputException, Status Code: 400; that TestConnection answers the same is inferred); prose form: https://docs.aws.amazon.com/glue/latest/dg/glue-troubleshooting-errors.html ("Outbound rule in security group required")',
  },
  {
    id: 'glue.network.no-s3-endpoint',
    text: 'VPC S3 endpoint validation failed for SubnetId: {subnetId}. VPC: {vpcId}. Reason: Could not find S3 endpoint or NAT gateway for subnetId: {subnetId} in Vpc {vpcId}',
    provenance: 'observed',
    source: 'https://github.com/lifemapper/bison/blob/1313b41688e2ad9d66720c58fa12fe393297dbc7/_sphinx_config/pages/aws_experiments.rst (TestConnection, real ids) and https://github.com/sch6393/sch/blob/130430a18843029a8ed02f228e1c2d0b48b9d89b/aws/glue/README.md; heading documented at https://docs.aws.amazon.com/glue/latest/dg/glue-troubleshooting-errors.html',
  },
]);
