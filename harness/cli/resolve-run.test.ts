import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import { CATALOGUE_DIR } from './paths.ts';
import { resolveRun } from './resolve-run.ts';
import { defaultWorkers } from './run-options.ts';

const SCENARIO = 'name: x\nwhen: { operation: "transfer:TestConnection" }\nthen: { status: OK }\n';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ph-resolve-'));
  // bare/: nothing. plain/: ./scenarios. configured/: a config pointing at partners/ with a glob.
  await mkdir(join(root, 'bare'));
  await mkdir(join(root, 'plain/scenarios/sub'), { recursive: true });
  await writeFile(join(root, 'plain/scenarios/a.yaml'), SCENARIO);
  await writeFile(join(root, 'plain/scenarios/sub/b.yml'), SCENARIO);
  await writeFile(join(root, 'plain/scenarios/notes.txt'), 'not a scenario');
  await mkdir(join(root, 'configured/partners/acme'), { recursive: true });
  await writeFile(join(root, 'configured/partners/acme/login.yaml'), SCENARIO);
  await writeFile(join(root, 'configured/partners/acme/draft.yml'), SCENARIO);
  await writeFile(
    join(root, 'configured/partner-harness.config.ts'),
    `export default { scenarios: ['partners/**/*.yaml'], outDir: 'out/ph', runtime: 'process' as const, mode: 'aws' as const };\n`,
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('resolveRun', () => {
  it('runs ./scenarios by default, with the default report folder, mode and runtime', async () => {
    const cwd = join(root, 'plain');
    const run = await resolveRun({ cwd });
    expect(run.files).toEqual([join(cwd, 'scenarios/a.yaml'), join(cwd, 'scenarios/sub/b.yml')]);
    expect(run.options).toEqual({ outDir: join(cwd, 'reports/out'), mode: 'emulated', runtime: 'embedded', filter: undefined, shard: undefined, workers: defaultWorkers('embedded') });
    expect(run.config).toBeUndefined();
  });

  it("takes the config's scenarios (a glob), outDir, runtime and mode, relative to the config file", async () => {
    const cwd = join(root, 'configured');
    const run = await resolveRun({ cwd });
    expect(run.files).toEqual([join(cwd, 'partners/acme/login.yaml')]);
    expect(run.options).toMatchObject({ outDir: join(cwd, 'out/ph'), mode: 'aws', runtime: 'process' });
    expect(run.config?.file).toBe(join(cwd, 'partner-harness.config.ts'));
  });

  it('lets flags win over the config, and --config name a config elsewhere', async () => {
    const run = await resolveRun({ cwd: join(root, 'bare'), config: '../configured/partner-harness.config.ts', outDir: 'here', runtime: 'embedded', mode: 'emulated' });
    expect(run.files).toEqual([join(root, 'configured/partners/acme/login.yaml')]);
    expect(run.options).toMatchObject({ outDir: join(root, 'bare/here'), mode: 'emulated', runtime: 'embedded' });
  });

  it('runs the given paths, or the shipped catalogue with catalogue: true', async () => {
    const cwd = join(root, 'configured');
    expect((await resolveRun({ cwd, paths: ['partners/acme/draft.yml'] })).files).toEqual([join(cwd, 'partners/acme/draft.yml')]);
    const catalogue = await resolveRun({ cwd, catalogue: true });
    expect(catalogue.files.length).toBeGreaterThan(50);
    expect(catalogue.files.every((file) => file.startsWith(CATALOGUE_DIR))).toBe(true);
  });

  it('with nothing to run, says so and suggests init, paths and --catalogue', async () => {
    const error = await resolveRun({ cwd: join(root, 'bare') }).catch((caught: Error) => caught);
    expect(error).toMatchObject({ name: 'UsageError' });
    expect((error as Error).message).toBe(
      `Nothing to run: there is no partner-harness.config.ts in ${join(root, 'bare')} and no ./scenarios folder.\n` +
        '  - `npx partner-harness init` scaffolds a config, two starter scenarios and a CI workflow here;\n' +
        '  - `partner-harness run path/to/scenarios` runs the scenario files or folders you give;\n' +
        '  - `partner-harness run --catalogue` runs the catalogue shipped with partner-harness.',
    );
  });

  it("names the config when its scenarios are missing, and refuses a missing --config or an invalid config", async () => {
    const cwd = join(root, 'bare');
    await writeFile(join(root, 'wrong.config.mjs'), `export default { scenarios: ['nowhere'] };\n`);
    await expect(resolveRun({ cwd, config: '../wrong.config.mjs' })).rejects.toThrow(/^\.\.\/wrong\.config\.mjs: scenarios: .*nowhere: no such file or folder/);
    await expect(resolveRun({ cwd, config: 'missing.ts' })).rejects.toThrow('--config missing.ts: no such file. Give the path of your partner-harness.config.ts, or leave --config out.');
    await writeFile(join(root, 'typo.config.mjs'), `export default { runtme: 'process' };\n`);
    await expect(resolveRun({ cwd, config: '../typo.config.mjs' })).rejects.toThrow(ConfigError);
  });

  it("refuses a config whose own kind of fake is not usable before anything runs", async () => {
    await writeFile(join(root, 'plain/kinds.config.mjs'), `export default { fakes: [{ kind: 'ftp-partner' }] };\n`);
    const error = await resolveRun({ cwd: join(root, 'plain'), config: 'kinds.config.mjs' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'FakeKindError', code: 'FAKE_KIND_INVALID' });
    expect((error as Error).message).toContain(`${join(root, 'plain/kinds.config.mjs')}: fakes[0]: not a usable kind of fake 'ftp-partner'`);
  });
});
