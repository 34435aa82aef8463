import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { CONFIG_ENV, findConfigFile, loadConfig, loadConfigFromEnv } from './load-config.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function configError(file: string): Promise<ConfigError> {
  const error = await loadConfig(file).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig', () => {
  it('loads a TypeScript config that imports TypeScript, and makes its paths absolute', async () => {
    await write('folders.ts', `export const folders: string[] = ['partners/acme', '/abs/b'];\n`);
    const file = await write('ts.config.ts', `import { folders } from './folders.ts';\nconst out: string = 'out/here';\nexport default { scenarios: folders, outDir: out, runtime: 'process', mode: 'aws' };\n`);
    const loaded = await loadConfig(file);
    expect(loaded).toMatchObject({ file, dir, scenarios: [join(dir, 'partners/acme'), '/abs/b'], outDir: join(dir, 'out/here') });
    expect(loaded.config).toEqual({ scenarios: ['partners/acme', '/abs/b'], outDir: 'out/here', runtime: 'process', mode: 'aws' });
  });

  it('loads a JavaScript config, and hands the fake kinds through as given', async () => {
    const file = await write('js.config.mjs', `export const kind = { name: 'ftp' };\nexport default { fakes: [kind] };\n`);
    const loaded = await loadConfig(file);
    expect(loaded.config.fakes).toEqual([{ name: 'ftp' }]);
    expect(loaded.scenarios).toBeUndefined();
  });

  it('names an unknown field, suggests the right one and lists the fields', async () => {
    const error = await configError(await write('typo.config.ts', `export default { scenario: ['x'], outdir: 'y' };\n`));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues.map((issue) => issue.path)).toEqual(['scenario', 'outdir']);
    expect(error.message).toContain(`Invalid config file ${join(dir, 'typo.config.ts')}:`);
    expect(error.message).toContain(`scenario: unknown field: remove it or check the spelling. Did you mean 'scenarios'? Fields: scenarios, outDir, runtime, mode, fakes`);
    expect(error.message).toContain(`Did you mean 'outDir'?`);
  });

  it("imports through the caller's module loader when given one (a vitest worker's)", async () => {
    const file = await write('importer.config.ts', `export default { mode: 'aws' as const };\n`);
    const imported: string[] = [];
    const loaded = await loadConfig(file, { importModule: (url) => (imported.push(url), import(url)) });
    expect(imported).toEqual([pathToFileURL(file).href]);
    expect(loaded.config).toEqual({ mode: 'aws' });
  });

  it('refuses a bad value, a missing default export and a file that does not load', async () => {
    expect((await configError(await write('bad.config.ts', `export default { runtime: 'docker', scenarios: 'x' };\n`))).issues.map((i) => i.path)).toEqual(['scenarios', 'runtime']);
    expect((await configError(await write('none.config.ts', `export const x = 1;\n`))).message).toContain('it has no default export: write `export default defineConfig({ … })`');
    expect((await configError(await write('broken.config.ts', `export default {;\n`))).message).toMatch(/cannot be loaded/);
  });
});

describe('findConfigFile and loadConfigFromEnv', () => {
  it('finds partner-harness.config.ts before .js, and nothing where there is none', async () => {
    const sub = join(dir, 'project');
    await import('node:fs/promises').then((fs) => fs.mkdir(sub));
    expect(findConfigFile(sub)).toBeUndefined();
    await writeFile(join(sub, 'partner-harness.config.js'), 'export default {};\n');
    expect(findConfigFile(sub)).toBe(join(sub, 'partner-harness.config.js'));
    await writeFile(join(sub, 'partner-harness.config.ts'), 'export default {};\n');
    expect(findConfigFile(sub)).toBe(join(sub, 'partner-harness.config.ts'));
  });

  it('loads the config the CLI named in the environment, or none', async () => {
    const before = process.env[CONFIG_ENV];
    try {
      delete process.env[CONFIG_ENV];
      expect(await loadConfigFromEnv()).toBeUndefined();
      process.env[CONFIG_ENV] = await write('env.config.ts', `export default { mode: 'emulated' as const };\n`);
      expect((await loadConfigFromEnv())?.config).toEqual({ mode: 'emulated' });
    } finally {
      if (before === undefined) delete process.env[CONFIG_ENV];
      else process.env[CONFIG_ENV] = before;
    }
  });
});
