import { describe, expect, it } from 'vitest';
import { ServiceModel } from './service-model.ts';
import { MAX_QUOTED_VALUE, quoteValue } from './quote-value.ts';
import { formatValidationMessage, MAX_LISTED_VIOLATIONS, validateInput } from './validate-input.ts';

const transfer = ServiceModel.forService('transfer');
const secrets = ServiceModel.forService('secretsmanager');
const glue = ServiceModel.forService('glue');

const VALID_ROLE = 'arn:aws:iam::123456789012:role/connector';
const hostKey = (n: number) => `ssh-rsa AAAAB3NzaC1yc2E${n}`;

function messageFor(model: ServiceModel, operation: string, input: unknown): string {
  const { violations, serializationError } = validateInput(model, operation, input);
  expect(serializationError).toBeUndefined();
  return formatValidationMessage(violations);
}

describe('validateInput', () => {
  it('reports a pattern mismatch in the exact AWS wording', () => {
    expect(messageFor(transfer, 'DescribeConnector', { ConnectorId: 'c-ZZZZZZZZZZZZZZZZZ' })).toBe(
      "1 validation error detected: Value 'c-ZZZZZZZZZZZZZZZZZ' at 'connectorId' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: c-([0-9a-f]{17})',
    );
  });

  it('reports every failed constraint of one member, length before pattern, in plural wording', () => {
    expect(messageFor(transfer, 'DescribeConnector', { ConnectorId: 'c-123' })).toBe(
      "2 validation errors detected: Value 'c-123' at 'connectorId' failed to satisfy constraint: " +
        'Member must have length greater than or equal to 19; ' +
        "Value 'c-123' at 'connectorId' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: c-([0-9a-f]{17})',
    );
  });

  it('accepts a valid input and ignores unknown members', () => {
    expect(validateInput(transfer, 'DescribeConnector', { ConnectorId: 'c-0123456789abcdef0', Bogus: 1 })).toEqual({
      violations: [],
    });
  });

  it('reports a missing required member as null', () => {
    expect(validateInput(transfer, 'CreateConnector', {}).violations).toEqual([
      "Value null at 'accessRole' failed to satisfy constraint: Member must not be null",
    ]);
  });

  it('treats an undefined body as an empty structure', () => {
    expect(validateInput(secrets, 'GetSecretValue', undefined).violations).toEqual([
      "Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    ]);
  });

  it('reports list size with the list printed as Java prints it', () => {
    const keys = Array.from({ length: 11 }, (_, i) => hostKey(i));
    const { violations } = validateInput(transfer, 'CreateConnector', {
      AccessRole: VALID_ROLE,
      SftpConfig: { TrustedHostKeys: keys },
    });
    expect(violations).toEqual([
      `Value '[${keys.join(', ')}]' at 'sftpConfig.trustedHostKeys' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 10',
    ]);
  });

  it('reports bad scalar list members once, at the list, with all member constraints', () => {
    const { violations } = validateInput(transfer, 'CreateConnector', {
      AccessRole: VALID_ROLE,
      SftpConfig: { TrustedHostKeys: [hostKey(1), ''] },
    });
    expect(violations).toEqual([
      `Value '[${hostKey(1)}, ]' at 'sftpConfig.trustedHostKeys' failed to satisfy constraint: Member must satisfy ` +
        'constraint: [Member must have length less than or equal to 2048, Member must have length greater than or equal to 1]',
    ]);
  });

  it('reports integer bounds with the value quoted', () => {
    expect(validateInput(transfer, 'ListConnectors', { MaxResults: 0 }).violations).toEqual([
      "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ]);
    expect(validateInput(transfer, 'ListConnectors', { MaxResults: 1001 }).violations).toEqual([
      "Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    ]);
  });

  it('builds nested paths from lowerCamelCase member names', () => {
    expect(
      validateInput(transfer, 'CreateConnector', { AccessRole: VALID_ROLE, SftpConfig: { UserSecretId: '' } }).violations,
    ).toEqual([
      "Value '' at 'sftpConfig.userSecretId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
  });

  it('addresses structures inside lists as .N.member', () => {
    expect(
      validateInput(transfer, 'CreateConnector', { AccessRole: VALID_ROLE, Tags: [{ Key: 'a', Value: 'b' }, { Key: 'team' }] })
        .violations,
    ).toEqual(["Value null at 'tags.2.member.value' failed to satisfy constraint: Member must not be null"]);
    expect(validateInput(transfer, 'CreateConnector', { AccessRole: VALID_ROLE, Tags: [] }).violations).toEqual([
      "Value '[]' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ]);
  });

  it('checks security policy names against their pattern', () => {
    expect(validateInput(transfer, 'CreateServer', { SecurityPolicyName: 'TransferSecurityPolicy-2024-01' }).violations).toEqual([]);
    expect(validateInput(transfer, 'CreateServer', { SecurityPolicyName: 'bogus' }).violations).toEqual([
      "Value 'bogus' at 'securityPolicyName' failed to satisfy constraint: Member must satisfy regular expression " +
        'pattern: Transfer[A-Za-z0-9]*SecurityPolicy-[A-Za-z0-9-]+',
    ]);
  });

  it('checks enums, alone and as list members', () => {
    expect(validateInput(transfer, 'CreateServer', { Domain: 'GCS', Protocols: ['SFTP', 'SSH'] }).violations).toEqual([
      "Value 'GCS' at 'domain' failed to satisfy constraint: Member must satisfy enum value set: [S3, EFS]",
      "Value '[SFTP, SSH]' at 'protocols' failed to satisfy constraint: Member must satisfy constraint: " +
        '[Member must satisfy enum value set: [SFTP, FTP, FTPS, AS2]]',
    ]);
  });

  it('orders violations by member declaration, not by input order', () => {
    const { violations } = validateInput(transfer, 'CreateConnector', {
      SftpConfig: { UserSecretId: '' },
      Url: `sftp://${'x'.repeat(255)}`,
    });
    expect(violations.map((v) => v.split("'").at(-2))).toEqual(['url', 'accessRole', 'sftpConfig.userSecretId']);
    expect(formatValidationMessage(violations)).toMatch(
      /^3 validation errors detected: Value 'sftp:\/\/x+' at 'url' [^;]+; Value null at 'accessRole' [^;]+; Value '' at /,
    );
  });

  it('never prints sensitive values', () => {
    const password = `hunter2-${'p'.repeat(1020)}`;
    const { violations } = validateInput(transfer, 'TestIdentityProvider', {
      ServerId: 's-0123456789abcdef0',
      UserName: 'alice',
      UserPassword: password,
    });
    expect(violations).toEqual([
      "Value at 'userPassword' failed to satisfy constraint: Member must have length less than or equal to 1024",
    ]);
    expect(formatValidationMessage(violations)).not.toContain('hunter2');
  });

  it('never prints secret strings or binaries (model order: SecretBinary first)', () => {
    const secret = `s3cr3t${'x'.repeat(65536)}`;
    const { violations } = validateInput(secrets, 'CreateSecret', { Name: 'db', SecretString: secret, SecretBinary: '' });
    expect(violations).toEqual([
      "Value at 'secretBinary' failed to satisfy constraint: Member must have length greater than or equal to 1",
      "Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
    ]);
    expect(violations.join()).not.toContain('s3cr3t');
  });

  it('reports map values once at the map path, without values', () => {
    const { violations } = validateInput(glue, 'CreateConnection', {
      ConnectionInput: { Name: 'db', ConnectionType: 'JDBC', ConnectionProperties: { PASSWORD: '', USERNAME: 'x' } },
    });
    expect(violations).toEqual([
      "Value at 'connectionInput.connectionProperties' failed to satisfy constraint: Map value must satisfy constraint: " +
        '[Member must have length less than or equal to 1024, Member must have length greater than or equal to 1]',
    ]);
  });

  it("accepts map keys outside the model's key enum (Glue documents INSTANCE_URL, which ConnectionPropertyKey lacks)", () => {
    const { violations } = validateInput(glue, 'CreateConnection', {
      ConnectionInput: { Name: 'sf', ConnectionType: 'SALESFORCE', ConnectionProperties: { INSTANCE_URL: 'https://x.my.salesforce.com' } },
    });
    expect(violations).toEqual([]);
  });
});

describe('validateInput type errors', () => {
  it.each([
    ['a string for an integer', 'ListConnectors', { MaxResults: 'ten' }, 'STRING_VALUE can not be converted to an Integer'],
    [
      'a number for a string',
      'DescribeConnector',
      { ConnectorId: 42 },
      'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String',
    ],
    ['a list for a string', 'DescribeConnector', { ConnectorId: ['c'] }, 'Start of list found where not expected'],
    ['an object for a string', 'DescribeConnector', { ConnectorId: {} }, 'Start of structure or map found where not expected.'],
    ['a body that is not an object', 'DescribeConnector', 'c-1', 'STRING_VALUE can not be converted to an Map'],
  ])('answers a serialization error for %s, before any constraint', (_, operation, input, message) => {
    expect(validateInput(transfer, operation, input)).toEqual({ violations: [], serializationError: message });
  });

  it('never quotes the offending value', () => {
    const result = validateInput(transfer, 'TestIdentityProvider', { ServerId: 's-0123456789abcdef0', UserPassword: 12345678 });
    expect(result.serializationError).not.toContain('12345678');
  });
});

describe('validateInput on hostile input', () => {
  it('never finds Object.prototype through member names from the request', () => {
    const body = JSON.parse(
      `{"constructor": {}, "__proto__": 1, "toString": [], "AccessRole": "${VALID_ROLE}", "SftpConfig": {"hasOwnProperty": "x", "valueOf": 1}}`,
    ) as unknown;
    expect(validateInput(transfer, 'CreateConnector', body)).toEqual({ violations: [] });
  });

  it('does not match a value that is already too long against its pattern, and quotes it cut', () => {
    // Fails the pattern too (no `role/`): only the length is reported, so the pattern never ran.
    const role = `arn:aws:iam::123456789012:user/${'x'.repeat(156_000)}`;
    const { violations } = validateInput(transfer, 'CreateConnector', { AccessRole: role });
    expect(violations).toEqual([
      `Value '${role.slice(0, MAX_QUOTED_VALUE)}...' at 'accessRole' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    ]);
  });

  it('does not match too-long list items against their pattern', () => {
    const keys = [`ssh-rsa ${'A'.repeat(4_000)}!`];
    const { violations } = validateInput(transfer, 'CreateConnector', { AccessRole: VALID_ROLE, SftpConfig: { TrustedHostKeys: keys } });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^Value '\[ssh-rsa A+\.\.\.' at 'sftpConfig\.trustedHostKeys' failed to satisfy constraint: Member must satisfy constraint: \[/);
  });

  it('quotes at most MAX_QUOTED_VALUE characters of a value, never half a surrogate pair', () => {
    expect(quoteValue('x'.repeat(MAX_QUOTED_VALUE))).toBe(`'${'x'.repeat(MAX_QUOTED_VALUE)}'`);
    const emoji = `${'x'.repeat(MAX_QUOTED_VALUE - 1)}😀😀`;
    expect(quoteValue(emoji)).toBe(`'${'x'.repeat(MAX_QUOTED_VALUE - 1)}...'`);
  });

  it('counts every violation but lists the first MAX_LISTED_VIOLATIONS', () => {
    const tags = Array.from({ length: 300 }, () => ({}));
    const result = validateInput(transfer, 'CreateConnector', { AccessRole: VALID_ROLE, Tags: tags });
    expect(result.violations).toHaveLength(MAX_LISTED_VIOLATIONS);
    expect(result.violationCount).toBe(601); // 2 missing members per tag, and the list's own max length
    const message = formatValidationMessage(result.violations, result.violationCount);
    expect(message).toMatch(/^601 validation errors detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50; Value null at 'tags\.1\.member\.key'/);
    expect(message.length).toBeLessThan(MAX_LISTED_VIOLATIONS * (MAX_QUOTED_VALUE + 200));
  });
});
