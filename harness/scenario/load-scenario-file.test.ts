import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from './load-scenario-file.ts';
import { ScenarioFileError } from './scenario-file-error.ts';

const DEFINE_SCENARIO = fileURLToPath(new URL('./define-scenario.ts', import.meta.url));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-harness-loader-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

let fileCounter = 0;
async function write(content: string, extension = '.yaml'): Promise<string> {
  const file = join(dir, `scenario-${++fileCounter}${extension}`);
  await writeFile(file, content);
  return file;
}

async function loadError(file: string): Promise<ScenarioFileError> {
  try {
    await loadScenarioFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    return error as ScenarioFileError;
  }
  throw new Error(`expected ${file} to be rejected`);
}

const VALID = `
name: Password login
given:
  fakes:
    partner:
      kind: sftp
      users:
        - name: partner
          password: Partner-Pass-1
  connectors:
    acme:
      Url: "{{ fakes.partner.url }}"
when:
  operation: transfer:TestConnection
  input:
    ConnectorId: "{{ connectors.acme.id }}"
then:
  status: OK
`;

describe('loadScenarioFile', () => {
  it('parses a valid YAML file and fills in the defaults', async () => {
    const scenario = await loadScenarioFile(await write(VALID));
    expect(scenario).toMatchObject({
      name: 'Password login',
      tags: [],
      seed: 1,
      vars: {},
      keys: {},
      emulator: {},
      when: { operation: 'transfer:TestConnection', input: { ConnectorId: '{{ connectors.acme.id }}' } },
      then: { status: 'OK' },
    });
    expect(scenario.given.secrets).toEqual({});
    expect(scenario.given.fakes.partner).toMatchObject({ kind: 'sftp', users: [{ name: 'partner', password: 'Partner-Pass-1' }], faults: [] });
  });

  it('turns a bare YAML number into a string where text is expected', async () => {
    const scenario = await loadScenarioFile(await write(VALID.replace('password: Partner-Pass-1', 'password: 123456')));
    const partner = scenario.given.fakes.partner!;
    if (partner.kind !== 'sftp') throw new Error('expected the sftp fake');
    expect(partner.users[0]!.password).toBe('123456');
  });

  it('names the file and the field path for a value of the wrong type', async () => {
    const file = await write(VALID.replace('password: Partner-Pass-1', 'password: [not, a, string]'));
    const error = await loadError(file);
    expect(error.file).toBe(file);
    expect(error.issues.map((i) => i.path)).toContain('given.fakes.partner.users[0].password');
    expect(error.message).toMatch(new RegExp(`^Invalid scenario file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\n`));
    expect(error.message).toContain('  - given.fakes.partner.users[0].password (line 9): ');
    expect(error.code).toBe('SCENARIO_INVALID');
  });

  it('refuses a name or tag with control characters, which would reach the terminal that runs the file', async () => {
    const error = await loadError(await write(VALID.replace(/^name: .*$/m, 'name: "evil \\e[2J name"\ntags: [ok, "two\\nlines"]')));
    expect(error.issues.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'name: one line without control characters (line breaks, tabs, escapes)',
      'tags[1]: one line without control characters (line breaks, tabs, escapes)',
    ]);
  });

  it('names an unknown field and says how to fix it', async () => {
    const error = await loadError(await write(VALID.replace('      kind: sftp', '      kind: sftp\n      hostkeys: [ssh-rsa]')));
    expect(error.issues).toEqual([
      { path: 'given.fakes.partner', line: 5, message: expect.stringMatching(/^unknown field\(s\) 'hostkeys': remove them or check the spelling/) },
    ]);
  });

  it('names a given.s3Objects location S3 would not take, with the line', async () => {
    const error = await loadError(await write(VALID.replace('when:', 'given_s3_placeholder\nwhen:').replace('given_s3_placeholder', '  s3Objects:\n    s3://Bad_Bucket/root.pem: x\n    s3://certs: y')));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'given.s3Objects.s3://Bad_Bucket/root.pem', message: expect.stringMatching(/bucket Bad_Bucket is not a valid S3 bucket name/) }),
      expect.objectContaining({ path: 'given.s3Objects.s3://certs', message: expect.stringMatching(/not an s3:\/\/bucket\/key location/) }),
    ]);
  });

  it('names a directory user\'s undeclared group and a then with only a diagnosis', async () => {
    const directory = await loadError(await write(VALID.replace('when:', 'given_placeholder\nwhen:').replace('given_placeholder', '  directories:\n    corp:\n      groups: [{ name: Engineering }]\n      users: [{ name: alice, password: pw, groups: [Enginering] }]')));
    expect(directory.issues).toEqual([expect.objectContaining({ path: 'given.directories.corp.users[0].groups[0]', message: expect.stringMatching(/group Enginering is not declared in groups; declare it or use one of: Engineering/) })]);
    const diagnosisOnly = await loadError(await write(VALID.replace('  status: OK', '  diagnosis: { code: host-key-mismatch }')));
    expect(diagnosisOnly.issues.map((issue) => issue.message).join()).toMatch(/then.diagnosis checks the harness's explanation only/);
  });

  it('reports a missing `when`', async () => {
    const error = await loadError(await write(VALID.replace(/when:[\s\S]*?then:/, 'then:')));
    expect(error.issues.map((i) => i.path)).toEqual(['when']);
  });

  it('reports a malformed operation name with the expected form', async () => {
    const error = await loadError(await write(VALID.replace('transfer:TestConnection', 'TestConnection')));
    expect(error.issues).toEqual([{ path: 'when.operation', line: 14, message: expect.stringContaining('service:Operation') }]);
  });

  it('rejects then.error combined with status', async () => {
    const error = await loadError(await write(VALID.replace('  status: OK', '  status: OK\n  error: ResourceNotFoundException')));
    expect(error.issues.map((i) => i.path)).toEqual(['then']);
    expect(error.message).toContain('a call either raises or answers');
  });

  it('reports YAML syntax errors with the file name', async () => {
    const file = await write('name: broken\nwhen: [unclosed\n');
    const error = await loadError(file);
    expect(error.file).toBe(file);
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.every((i) => i.path === '' && i.message.startsWith('YAML syntax: '))).toBe(true);
    expect(error.message).toMatch(/\(file\) \(line \d+\): YAML syntax: /);
  });

  it('reports an unreadable file', async () => {
    const file = join(dir, 'does-not-exist.yaml');
    const error = await loadError(file);
    expect(error.issues).toEqual([{ path: '', message: expect.stringMatching(/^cannot be read \(.*ENOENT/) }]);
  });

  it('loads a TypeScript scenario from its default export', async () => {
    const file = await write(
      `import { defineScenario } from ${JSON.stringify(DEFINE_SCENARIO)};\n` +
        `export default defineScenario({ name: 'From TypeScript', seed: 7, when: { operation: 'transfer:DescribeConnector' }, then: { error: 'ResourceNotFoundException' } });\n`,
      '.scenario.ts',
    );
    const scenario = await loadScenarioFile(file);
    expect(scenario).toMatchObject({ name: 'From TypeScript', seed: 7, tags: [], when: { operation: 'transfer:DescribeConnector', input: {} } });
  });

  it('validates a TypeScript scenario with the same schema', async () => {
    const file = await write(`export default { name: '', when: { operation: 'transfer:TestConnection' }, then: { status: 'OK' } };\n`, '.scenario.ts');
    const error = await loadError(file);
    expect(error.issues.map((i) => i.path)).toEqual(['name']);
  });

  it('rejects a TypeScript scenario without a default export', async () => {
    const error = await loadError(await write(`export const scenario = {};\n`, '.scenario.ts'));
    expect(error.message).toContain('no default export');
  });
});
