import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

/**
 * Mistakes in a scenario file are invalid input (exit 2, file + field + line + fix), never a
 * scenario that runs against defaults and passes green, and never a partner failure (exit 1).
 */
const SFTP_CONNECTOR = (connector: string) => `name: FIPS policy is enforced
given:
  fakes:
    partner: { kind: sftp, hostKeys: [ecdsa-sha2-nistp256], users: [{ name: u, password: Pass-word-1 }] }
  secrets:
    creds: { SecretString: { Username: u, Password: Pass-word-1 } }
  connectors:
    acme:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/acme
      SftpConfig: { UserSecretId: "{{ secrets.creds.arn }}", TrustedHostKeys: ["{{ fakes.partner.hostKey }}"] }
${connector}
when:
  operation: transfer:TestConnection
  input: { ConnectorId: "{{ connectors.acme.id }}" }
then: { status: OK }
`;

const FILES: Record<string, string> = {
  'typo-member.yaml': SFTP_CONNECTOR('      SecurityPolicyNam: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'),
  'lower-case-member.yaml': SFTP_CONNECTOR('      securityPolicyName: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'),
  'ghost-fake.yaml': SFTP_CONNECTOR('').replace('fakes.partner.url', 'fakes.ghost.url'),
  'unknown-field-of-fake.yaml': SFTP_CONNECTOR('').replace('fakes.partner.url', 'fakes.partner.nope'),
  'unknown-operation.yaml': 'name: no such operation\nwhen: { operation: "transfer:NoSuchOperation" }\nthen: { status: OK }\n',
  'empty-then.yaml': SFTP_CONNECTOR('').replace('then: { status: OK }', 'then: {}'),
};

describe('invalid scenario files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-invalid-'));
    for (const [name, content] of Object.entries(FILES)) await writeFile(join(dir, name), content);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('the valid form of the file passes, so the failures below are the mistakes alone', async () => {
    await mkdir(join(dir, 'valid'));
    const valid = join(dir, 'valid', 'valid.yaml');
    await writeFile(valid, SFTP_CONNECTOR('      SecurityPolicyName: TransferSFTPConnectorSecurityPolicy-FIPS-2024-10'));
    const result = await runCli(['run', valid, '--out', join(dir, 'out-valid')]);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect(result.code).toBe(0);
  });

  it('exits 2 for every mistake, each named by file, field and line, without a stack trace', async () => {
    const out = join(dir, 'out');
    const result = await runCli(['run', ...Object.keys(FILES).map((name) => join(dir, name)), '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^0 passed, 0 failed, 6 invalid, 0 skipped$/m);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
      scenarios: Array<{ file: string; state: string; invalid?: { issues: Array<{ path: string; line?: number; message: string }> } }>;
    };
    const issues = Object.fromEntries(report.scenarios.map((s) => [s.file, s.invalid?.issues ?? []]));
    expect(report.scenarios.every((s) => s.state === 'invalid')).toBe(true);
    expect(issues['typo-member.yaml']).toEqual([
      { path: 'given.connectors.acme.SecurityPolicyNam', line: 12, message: expect.stringContaining("Did you mean 'SecurityPolicyName'?") },
    ]);
    expect(issues['lower-case-member.yaml']![0]).toMatchObject({ path: 'given.connectors.acme.securityPolicyName', line: 12 });
    expect(issues['ghost-fake.yaml']).toEqual([
      { path: 'given.connectors.acme.Url', line: 9, message: expect.stringContaining("no given.fakes entry named 'ghost'") },
    ]);
    // Found only once the fake runs (its values are known then): still the file's mistake.
    expect(issues['unknown-field-of-fake.yaml']![0]).toMatchObject({ path: 'given.connectors.acme.Url', message: expect.stringContaining("'fakes.partner.nope' does not exist") });
    expect(issues['unknown-operation.yaml']).toEqual([
      { path: 'when.operation', line: 2, message: expect.stringContaining("transfer has no operation 'NoSuchOperation'") },
    ]);
    expect(issues['empty-then.yaml']![0]).toMatchObject({ path: 'then', message: expect.stringContaining('nothing to check') });
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
