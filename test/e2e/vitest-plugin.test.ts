import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, ROOT } from '../support/run-cli.ts';

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';
import { partnerHarness, PartnerHarnessReporter } from 'partner-harness/vitest';

export default defineConfig({
  plugins: [partnerHarness()],
  test: {
    include: ['scenarios/**/*.yaml', 'tests/**/*.test.ts'],
    reporters: ['default', new PartnerHarnessReporter({ outDir: 'reports' })],
  },
});
`;

const UNKNOWN_CONNECTOR = `name: unknown connector answers ResourceNotFoundException
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
`;

const WRONG_EXPECTATION = UNKNOWN_CONNECTOR.replace('then: { error: ResourceNotFoundException }', 'then: { error: ValidationException }').replace('name: unknown', 'name: wrongly expected');

const PASSWORD_LOGIN = `name: the connector logs in with a password
given:
  fakes:
    partner: { kind: sftp, users: [{ name: acme, password: Acme-Pass-1 }] }
  secrets:
    credentials: { SecretString: { Username: acme, Password: Acme-Pass-1 } }
  connectors:
    partner:
      Url: "{{ fakes.partner.url }}"
      AccessRole: arn:aws:iam::000000000000:role/connector
      SftpConfig: { UserSecretId: "{{ secrets.credentials.arn }}", TrustedHostKeys: ["{{ fakes.partner.hostKey }}"] }
when: { operation: "transfer:TestConnection", input: { ConnectorId: "{{ connectors.partner.id }}" } }
then: { status: OK, statusMessage: Connection succeeded }
`;

// A test of the user's own beside the scenarios, with the kit's fixtures and matchers.
const KIT_TEST = `import { TestConnectionCommand } from '@aws-sdk/client-transfer';
import { expect, test } from 'partner-harness/vitest';

test('the kit works beside the scenarios', async ({ aws }) => {
  await expect(aws.transfer.send(new TestConnectionCommand({ ConnectorId: 'c-0123456789abcdef0' }))).toRejectWithAwsError('ResourceNotFoundException');
});

test('the aws fixture answers with the texts of the messages file the config names', async ({ aws }) => {
  await expect(aws.transfer.send(new TestConnectionCommand({ ConnectorId: 'c-0123456789abcdef0' }))).rejects.toMatchObject({ message: 'Connector c-0123456789abcdef0 was not found (observed)' });
});
`;

/** What calibrate would have written: AWS words the unknown connector differently. */
const OBSERVED = JSON.stringify({
  'transfer.connector.not-found': {
    text: 'Connector c-0123456789abcdef0 was not found (observed)',
    observedAt: '2026-12-01T10:00:00Z',
    region: 'us-east-1',
    scenario: 'scenarios/unknown-connector.yaml#unknown connector',
    target: 'aws',
  },
});

// vitest's node API, as a user's script would call it.
const RUN_VITEST = `import { startVitest } from 'vitest/node';
const vitest = await startVitest('test', [], { watch: false });
await vitest.close();
process.exit(process.exitCode ?? 0);
`;

describe('partnerHarness() in a user’s vitest.config.ts', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'ph-vitest-plugin-'));
    await mkdir(join(project, 'node_modules/@aws-sdk'), { recursive: true });
    await mkdir(join(project, 'scenarios'));
    await mkdir(join(project, 'tests'));
    // Installed as npm would: the package, its peer vitest and the SDK client the user's test imports.
    await symlink(ROOT, join(project, 'node_modules/partner-harness'));
    await symlink(join(ROOT, 'node_modules/vitest'), join(project, 'node_modules/vitest'));
    await symlink(join(ROOT, 'node_modules/@aws-sdk/client-transfer'), join(project, 'node_modules/@aws-sdk/client-transfer'));
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    await writeFile(join(project, 'vitest.config.ts'), VITEST_CONFIG);
    await writeFile(join(project, 'scenarios/unknown-connector.yaml'), UNKNOWN_CONNECTOR);
    await writeFile(join(project, 'scenarios/wrongly-expected.yaml'), WRONG_EXPECTATION);
    await writeFile(join(project, 'scenarios/password-login.yaml'), PASSWORD_LOGIN);
    await writeFile(join(project, 'tests/kit.test.ts'), KIT_TEST);
    await writeFile(join(project, 'tests/broken.test.ts'), `import { test } from 'partner-harness/vitest';\ntest('never runs', () => { (\n`);
    await writeFile(join(project, 'run-vitest.mjs'), RUN_VITEST);
    await writeFile(join(project, 'messages.observed.json'), OBSERVED);
    await writeFile(join(project, 'partner-harness.config.mjs'), `export default { messages: './messages.observed.json' };\n`);
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('runs each YAML scenario as a test beside the user’s own tests, with no deprecation or other warning', async () => {
    // Without this repository's own settings (vitest.config.ts silences the SDK's Node 20 notice).
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _silenced, ...env } = process.env;
    const child = spawn(process.execPath, ['run-vitest.mjs'], { cwd: project, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const result = await collect(child);
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(1);
    expect(output).toMatch(/Tests\s+1 failed \| 4 passed \(5\)/);
    expect(output).toContain('error.name: expected "ValidationException", got "ResourceNotFoundException"');
    expect(output).not.toMatch(/deprecat|warning/i);
    const report = JSON.parse(await readFile(join(project, 'reports/report.json'), 'utf8'));
    const states = Object.fromEntries(report.scenarios.map((s: { name: string; state: string }) => [s.name, s.state]));
    // vitest colours its transform error; the report keeps the text without the colour codes.
    const broken = report.scenarios.find((s: { file: string }) => s.file === 'tests/broken.test.ts');
    expect(broken.errors.join('\n')).toContain('PARSE_ERROR');
    expect(broken.errors.join('\n')).not.toContain('\u001b');
    expect(states).toMatchObject({
      'unknown connector answers ResourceNotFoundException': 'passed',
      'wrongly expected connector answers ResourceNotFoundException': 'failed',
      'the connector logs in with a password': 'passed',
    });
  });
});
