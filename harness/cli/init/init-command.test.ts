import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenario/load-scenario-file.ts';
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

type JsonSchema = Record<string, unknown> & { $ref?: string };

/**
 * The JSON Schema keywords z.toJSONSchema writes for the scenario schema, checked the way an
 * editor's validator does (no new dependency for it). Returns the problems, empty when valid.
 */
function checkJsonSchema(schema: JsonSchema, value: unknown, at: string, root: JsonSchema = schema): string[] {
  const where = at || '(root)';
  const s = schema.$ref ? resolveRef(root, schema.$ref) : schema;
  const problems: string[] = [];
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((type) => isType(value, String(type)))) return [`${where}: expected ${String(s.type)}`];
  if ('const' in s && value !== s.const) problems.push(`${where}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) problems.push(`${where}: not one of ${s.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) problems.push(`${where}: does not match ${s.pattern}`);
    if (typeof s.minLength === 'number' && value.length < s.minLength) problems.push(`${where}: shorter than ${s.minLength}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${where}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${where}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) problems.push(`${where}: not above ${s.exclusiveMinimum}`);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = s[keyword] as JsonSchema[] | undefined;
    if (!options) continue;
    const passing = options.filter((option) => checkJsonSchema(option, value, at, root).length === 0).length;
    if (passing === 0 || (keyword === 'oneOf' && passing > 1)) problems.push(`${where}: matches ${passing === 0 ? 'none' : passing} of the ${keyword} forms`);
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) problems.push(`${where}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => problems.push(...checkJsonSchema(s.items as JsonSchema, item, `${at}[${i}]`, root)));
  } else if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in object)) problems.push(`${where}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      const path = at ? `${at}.${key}` : key;
      if (s.propertyNames) problems.push(...checkJsonSchema(s.propertyNames as JsonSchema, key, `${path} (name)`, root));
      if (properties[key]) problems.push(...checkJsonSchema(properties[key]!, item, path, root));
      else if (s.additionalProperties === false) problems.push(`${where}: unknown field ${key}`);
      else if (typeof s.additionalProperties === 'object') problems.push(...checkJsonSchema(s.additionalProperties as JsonSchema, item, path, root));
    }
  }
  return problems;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<JsonSchema>((node, part) => node[part] as JsonSchema, root);
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

