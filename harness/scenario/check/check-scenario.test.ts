import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../load-scenario-file.ts';
import { ScenarioFileError, type FieldIssue } from '../scenario-file-error.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-harness-check-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function issuesOf(yaml: string): Promise<FieldIssue[]> {
  const file = join(dir, `s-${++counter}.yaml`);
  await writeFile(file, yaml);
  try {
    await loadScenarioFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    return (error as ScenarioFileError).issues;
  }
  return [];
}

/** A valid connector scenario; `connector` lines are spliced into the connector at line 9. */
function connectorScenario(connector: string, then = 'then: { status: OK }'): string {
  return `name: connector check
given:
  fakes:
    partner: { kind: sftp }
  connectors:
    acme:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/acme
${connector}
when:
  operation: transfer:TestConnection
  input: { ConnectorId: "{{ connectors.acme.id }}" }
${then}
`;
}

describe('AWS inputs are checked against the service model at load time', () => {
  it('accepts the valid scenario these tests start from', async () => {
    expect(await issuesOf(connectorScenario('      SecurityPolicyName: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'))).toEqual([]);
  });

  it('names a mistyped member with file line, the close match and the members', async () => {
    const [issue, ...rest] = await issuesOf(connectorScenario('      SecurityPolicyNam: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'given.connectors.acme.SecurityPolicyNam', line: 9 });
    expect(issue!.message).toContain("Did you mean 'SecurityPolicyName'?");
    expect(issue!.message).toContain('Members: Url, As2Config, AccessRole');
  });

  it('treats a wrongly cased member as unknown and suggests the right case', async () => {
    const [issue] = await issuesOf(connectorScenario('      securityPolicyName: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'));
    expect(issue).toMatchObject({ path: 'given.connectors.acme.securityPolicyName', line: 9 });
    expect(issue!.message).toContain("Did you mean 'SecurityPolicyName'?");
  });

  it('checks enum values and JSON types, nested', async () => {
    const issues = await issuesOf(connectorScenario('      IpAddressType: IPv4\n      SftpConfig: { TrustedHostKeys: "ssh-rsa AAAA", MaxConcurrentConnections: "3" }'));
    expect(issues.map((i) => i.path)).toEqual([
      'given.connectors.acme.IpAddressType',
      'given.connectors.acme.SftpConfig.TrustedHostKeys',
      'given.connectors.acme.SftpConfig.MaxConcurrentConnections',
    ]);
    expect(issues[0]!.message).toMatch(/'IPv4' is not a valid IpAddressType\. Did you mean 'IPV4'\? Allowed: IPV4, DUALSTACK/);
    expect(issues[1]!.message).toContain('TrustedHostKeys is a list, not a string');
    expect(issues[2]!.message).toContain('MaxConcurrentConnections is a number, not a string');
  });

  it('leaves whole references unchecked (they take the referenced type) and ignores null as AWS does', async () => {
    const issues = await issuesOf(connectorScenario('      SftpConfig: { TrustedHostKeys: "{{ fakes.partner.hostKeys }}", UserSecretId: null }'));
    expect(issues).toEqual([]);
  });

  it('checks secrets, servers, users and Glue connections, and Glue property keys', async () => {
    const issues = await issuesOf(`name: every section
given:
  secrets:
    creds: { Name: x, SecretString: { Username: u }, Descripton: typo }
  servers:
    srv: { IdentityProviderType: LAMBDA }
  users:
    u1: { ServerId: "{{ servers.srv.id }}", UserName: alice, Role: "arn:aws:iam::000000000000:role/x", HomeDir: /x }
  glueConnections:
    db:
      ConnectionType: JDBC
      ConnectionProperties: { JDBC_CONECTION_URL: "jdbc:postgresql://h/d", PORT: 5432, INSTANCE_URL: "https://x" }
when:
  operation: glue:TestConnection
  input: { ConnectionName: db }
then: { response: {} }
`);
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['given.secrets.creds.Descripton', 4],
      ['given.servers.srv.IdentityProviderType', 6],
      ['given.users.u1.HomeDir', 8],
      ['given.glueConnections.db.ConnectionProperties.JDBC_CONECTION_URL', 12],
      ['given.glueConnections.db.ConnectionProperties.PORT', 12],
    ]);
    expect(issues[1]!.message).toContain("Did you mean 'AWS_LAMBDA'?");
    expect(issues[3]!.message).toContain("Did you mean 'JDBC_CONNECTION_URL'?");
    expect(issues[4]!.message).toContain('quote it');
  });

  it('checks when.input, unless the scenario sends a malformed request on purpose', async () => {
    const base = `name: input
when:
  operation: transfer:TestConnection
  input: { ConnectorID: c-0123456789abcdef0 }
`;
    const [issue] = await issuesOf(`${base}then: { status: OK }\n`);
    expect(issue).toMatchObject({ path: 'when.input.ConnectorID', line: 4 });
    expect(issue!.message).toContain('when.validateInput: false');
    expect(await issuesOf(`${base}  validateInput: false\nthen: { error: ValidationException }\n`)).toEqual([]);
  });

  it('refuses an unknown operation and an unknown service, naming the field', async () => {
    const op = await issuesOf('name: op\nwhen: { operation: "transfer:NoSuchOperation" }\nthen: { status: OK }\n');
    expect(op).toEqual([expect.objectContaining({ path: 'when.operation', line: 2 })]);
    expect(op[0]!.message).toContain("transfer has no operation 'NoSuchOperation'");
    const typo = await issuesOf('name: op\nwhen: { operation: "transfer:TestConection" }\nthen: { status: OK }\n');
    expect(typo[0]!.message).toContain("Did you mean 'TestConnection'?");
    const service = await issuesOf('name: op\nwhen: { operation: "tranfser:TestConnection" }\nthen: { status: OK }\n');
    expect(service[0]!.message).toContain("unknown service 'tranfser'. Did you mean 'transfer'?");
  });
});

describe('a scenario must expect something', () => {
  it('refuses an empty then', async () => {
    const issues = await issuesOf(connectorScenario('', 'then: {}'));
    expect(issues).toEqual([expect.objectContaining({ path: 'then', line: 13, message: expect.stringContaining('nothing to check') })]);
  });

  it('refuses an expectation left empty (null)', async () => {
    const issues = await issuesOf(connectorScenario('', 'then: { status: ~ }'));
    expect(issues.map((i) => i.path)).toEqual(['then.status']);
  });

  it('refuses an invalid regular expression in an expectation', async () => {
    const [issue] = await issuesOf(connectorScenario('', 'then: { statusMessage: { matches: "(unclosed" } }'));
    expect(issue!.path).toBe('then.statusMessage.matches');
    expect(issue!.message).toContain('not a valid regular expression');
  });
});

describe('references and names', () => {
  it('refuses a reference to an undeclared fake, with the declared ones', async () => {
    const [issue] = await issuesOf(connectorScenario('').replace('fakes.partner.url', 'fakes.ghost.url'));
    expect(issue).toMatchObject({ path: 'given.connectors.acme.Url', line: 7 });
    expect(issue!.message).toContain("no given.fakes entry named 'ghost'");
    expect(issue!.message).toContain('Declared: partner');
  });

  it('refuses references to values that do not exist yet, unknown roots and non-faker calls', async () => {
    const issues = await issuesOf(`name: refs
vars:
  a: "{{ vars.b }}"
  b: "{{ faker.internet.password }}"
  c: "{{ fakes.partner.url }}"
  d: "{{ secret.x }}"
  e: "{{ vars.a() }}"
when: { operation: "transfer:TestConnection", input: { ConnectorId: "{{ connectors.none.id }}" } }
then: { status: OK }
`);
    expect(issues.map((i) => i.path)).toEqual(['vars.a', 'vars.c', 'vars.d', 'vars.e', 'when.input.ConnectorId']);
    expect(issues[0]!.message).toContain('declared after this point');
    expect(issues[1]!.message).toContain('fakes are not set up yet here');
    expect(issues[2]!.message).toContain("Did you mean 'secrets'?");
    expect(issues[3]!.message).toContain('only faker functions can be called');
  });

  it('lets templates call only the faker API, never what is reachable through prototypes', async () => {
    const issues = await issuesOf(`name: sandbox
vars:
  a: '{{ faker.constructor.constructor("return process")() }}'
  b: "{{ faker.internet.constructor }}"
  c: "{{ faker.internet.__proto__ }}"
  d: "{{ faker.seed(1) }}"
  e: "{{ faker.internet.pasword }}"
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { status: OK }
`);
    expect(issues.map((i) => i.path)).toEqual(['vars.a', 'vars.b', 'vars.c', 'vars.d', 'vars.e']);
    expect(issues[4]!.message).toContain("Did you mean 'password'?");
  });

  it('checks fake names outside templates: fault targets, sftpLogin and Lambda fakes', async () => {
    const issues = await issuesOf(`name: names
faults: [{ target: ghost, latency: 10 }]
given:
  fakes:
    partner: { kind: sftp }
  lambdas:
    fn: { fake: partner }
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { status: OK, sftpLogin: { fake: nobody, username: u } }
`);
    expect(issues.map((i) => i.path)).toEqual(['faults[0].target', 'given.lambdas.fn.fake', 'then.sftpLogin.fake']);
    expect(issues[1]!.message).toContain('needs kind idp');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('refuses %s as a name under given.fakes and vars', async (name) => {
    const issues = await issuesOf(`name: proto
vars:
  ${name}: 1
given:
  fakes:
    ${name}: { kind: sftp }
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { status: OK }
`);
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      [`vars.${name}`, 3],
      [`given.fakes.${name}`, 6],
    ]);
    expect(issues[0]!.message).toContain('reserved name');
  });

  it('refuses names that cannot be used in a reference', async () => {
    const [issue] = await issuesOf('name: n\nvars:\n  a.b: 1\nwhen: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }\nthen: { status: OK }\n');
    expect(issue).toMatchObject({ path: 'vars.a.b' });
    expect(issue!.message).toContain('invalid name');
  });
});

describe('hostile files', () => {
  it('reports a YAML alias bomb as an invalid scenario file', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const [issue] = await issuesOf(`${levels.join('\n')}\n`);
    expect(issue!.message).toContain('YAML aliases expand too far');
  });

  it('refuses a file over the size bound without parsing it', async () => {
    const [issue] = await issuesOf(`name: big\ndescription: "${'x'.repeat(1024 * 1024)}"\n`);
    expect(issue!.message).toContain('a scenario file is at most');
  });
});

describe('sftp login limits in a scenario', () => {
  const sftp = (fields: string) => `name: limits
given:
  fakes:
    partner: { kind: sftp, ${fields} }
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
`;
  it('accepts sshd_config forms', async () => {
    expect(await issuesOf(sftp('loginGraceTimeMs: 300, maxStartups: "2:30:5"'))).toEqual([]);
    expect(await issuesOf(sftp('maxStartups: 4'))).toEqual([]);
  });
  it.each(['maxStartups: "10:30"', 'maxStartups: "20:30:10"', 'maxStartup: 3', 'loginGraceTime: 5'])('refuses %s', async (fields) => {
    const issues = await issuesOf(sftp(fields));
    expect(issues.map((i) => i.path)).toEqual([expect.stringMatching(/^given\.fakes\.partner/)]);
  });
});
