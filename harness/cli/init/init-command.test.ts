import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenario/load-scenario-file.ts';
import { checkJsonSchema } from '../../testing/check-json-schema.ts';
import { CATALOGUE_DIR } from '../paths.ts';
import { findScenarioFiles } from '../find-scenario-files.ts';
import { initCommand } from './init-command.ts';
import { scenarioJsonSchema } from './scenario-json-schema.ts';

const FILES = ['.github/workflows/partner-harness.yml', 'partner-harness.config.ts', 'scenarios/sftp-host-key-mismatch.yaml', 'scenarios/sftp-password-login-succeeds.yaml'];
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ph-init-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function init(args: string[]): Promise<{ code: number; printed: string }> {
  let printed = '';
  const code = await initCommand(args, (text) => (printed += text));
  return { code, printed };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

describe('partner-harness init', () => {
  it('scaffolds the config, two starter scenarios and a CI workflow', async () => {
    const project = join(root, 'fresh');
    const { code, printed } = await init([project]);
    expect(code).toBe(0);
    expect(await listFiles(project)).toEqual(FILES);
    for (const file of FILES) expect(printed).toContain(`  created  ${file}`);
    expect(printed).toContain('npx partner-harness run');
    expect(await readFile(join(project, 'partner-harness.config.ts'), 'utf8')).toContain("import { defineConfig } from 'partner-harness';");
  });

  it('starts each scenario with a $schema line that points into the installed package', async () => {
    const project = join(root, 'fresh');
    for (const file of FILES.filter((path) => path.endsWith('.yaml'))) {
      const first = (await readFile(join(project, file), 'utf8')).split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../node_modules/partner-harness/dist/scenario.schema.json');
    }
  });

  it('finds the package where the project (or a workspace above it) has it installed', async () => {
    const workspace = join(root, 'workspace');
    await mkdir(join(workspace, 'node_modules/partner-harness'), { recursive: true });
    await writeFile(join(workspace, 'node_modules/partner-harness/package.json'), '{}');
    await init([join(workspace, 'packages/partners')]);
    const first = (await readFile(join(workspace, 'packages/partners/scenarios/sftp-host-key-mismatch.yaml'), 'utf8')).split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../../node_modules/partner-harness/dist/scenario.schema.json');
  });

  it('writes starter scenarios that load without a problem', async () => {
    for (const file of FILES.filter((path) => path.endsWith('.yaml'))) {
      await expect(loadScenarioFile(join(root, 'fresh', file))).resolves.toMatchObject({ when: { operation: 'transfer:TestConnection' } });
    }
  });

  it('never overwrites a file: it lists what it skipped, and --force overwrites', async () => {
    const project = join(root, 'existing');
    await mkdir(join(project, 'scenarios'), { recursive: true });
    await writeFile(join(project, 'partner-harness.config.ts'), 'mine');
    await writeFile(join(project, 'scenarios/sftp-host-key-mismatch.yaml'), 'mine too');
    const first = await init([project]);
    expect(first.code).toBe(0);
    expect(first.printed).toContain('  skipped  partner-harness.config.ts (it exists; --force overwrites it)');
    expect(first.printed).toContain('  skipped  scenarios/sftp-host-key-mismatch.yaml (it exists; --force overwrites it)');
    expect(first.printed).toContain('  created  scenarios/sftp-password-login-succeeds.yaml');
    expect(await readFile(join(project, 'partner-harness.config.ts'), 'utf8')).toBe('mine');
    expect(await readFile(join(project, 'scenarios/sftp-host-key-mismatch.yaml'), 'utf8')).toBe('mine too');
    const forced = await init([project, '--force']);
    expect(forced.printed).not.toContain('skipped');
    expect(await readFile(join(project, 'partner-harness.config.ts'), 'utf8')).toContain('defineConfig');
  });

  it('writes the GitLab CI file instead with --ci gitlab, and no CI file with --ci none', async () => {
    const gitlab = join(root, 'gitlab');
    expect((await init([gitlab, '--ci', 'gitlab'])).code).toBe(0);
    expect(await listFiles(gitlab)).toEqual(['.gitlab-ci.yml', ...FILES.slice(1)]);
    expect(await readFile(join(gitlab, '.gitlab-ci.yml'), 'utf8')).toContain('reports:\n      junit: ');
    const none = join(root, 'no-ci');
    await init([none, '--ci', 'none']);
    expect(await listFiles(none)).toEqual(FILES.slice(1));
    await expect(init([none, '--ci', 'jenkins'])).rejects.toThrow('--ci jenkins: use github, gitlab, none.');
  });

  it('refuses two folders and unknown flags with a usage error', async () => {
    await expect(init(['a', 'b'])).rejects.toThrow(/^init takes one folder, got 2/);
    await expect(init(['--frobnicate'])).rejects.toMatchObject({ name: 'UsageError' });
  });
});

describe('the scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();

  it('is draft 7 and describes the scenario file', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: expect.arrayContaining(['name', 'when', 'then']) });
  });

  it('accepts the starter scenarios and every YAML scenario of the catalogue', async () => {
    const files = [...FILES.filter((path) => path.endsWith('.yaml')).map((path) => join(root, 'fresh', path)), ...(await findScenarioFiles([CATALOGUE_DIR]))].filter((file) =>
      /\.ya?ml$/.test(file),
    );
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect({ file, problems: checkJsonSchema(schema, parseYaml(await readFile(file, 'utf8')), '') }).toEqual({ file, problems: [] });
  });

  it('rejects what the loader rejects: an unknown field, a wrong kind, a missing then', () => {
    expect(checkJsonSchema(schema, { name: 'x', wehn: {}, when: { operation: 'transfer:TestConnection' }, then: {} }, '')).toContain('(root): unknown field wehn');
    expect(checkJsonSchema(schema, { name: 'x', given: { fakes: { p: { kind: 'ftp' } } }, when: { operation: 'transfer:TestConnection' }, then: {} }, '').join()).toMatch(/given\.fakes\.p: matches none/);
    expect(checkJsonSchema(schema, { name: 'x', when: { operation: 'transfer:TestConnection' } }, '')).toContain('(root): missing then');
  });
});
