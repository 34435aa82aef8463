import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The dependency-rule check must fail on a violation: run it, with the repository's own rule
 * file, over a throwaway tree that breaks the rules (and over one that keeps them), so the rule
 * set cannot silently become a no-op.
 */
const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'lint-deps.mjs');

function lintDeps(cwd: string, folders: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...folders], { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, output: stdout + stderr });
    });
  });
}

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ph-deps-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('npm run lint:deps (scripts/lint-deps.mjs with .dependency-cruiser.cjs)', () => {
  let broken: { code: number; output: string };
  beforeAll(async () => {
    const dir = await tree({
      'core/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'core/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      'core/up.ts': "import { x } from '../harness/aws/x.ts';\nexport const up = x;\n",
      'harness/aws/x.ts': "import { fake } from '../../fakes/sftp/fake.ts';\nexport const x = fake;\n",
      'harness/aws/x.test.ts': "import { fake } from '../../fakes/sftp/fake.ts';\nexport const inTest = fake;\n",
      'fakes/sftp/fake.ts': 'export const fake = 1;\n',
      'fakes/container/run.ts': "import { fake } from '../sftp/fake.ts';\nexport const run = fake;\n",
      'harness/reports/report.ts': "import { exit } from '../cli/exit.ts';\nexport const report = exit;\n",
      'harness/cli/exit.ts': 'export const exit = 2;\n',
      'harness/aws/endpoint/endpoint.ts': "import { s } from '../transfer/service.ts';\nexport const e = s;\n",
      'harness/aws/transfer/service.ts': "import { helper } from '../testing/helper.ts';\nexport const s = helper;\n",
      'harness/aws/testing/helper.ts': 'export const helper = 1;\n',
    });
    dirs.push(dir);
    broken = await lintDeps(dir, ['core', 'harness', 'fakes']);
  });

  it('exits 1 on a tree that breaks the rules', () => {
    expect(broken.code).toBe(1);
  });

  it.each([
    ['no-circular', 'core/a.ts → core/b.ts'],
    ['core-is-the-bottom', 'core/up.ts → harness/aws/x.ts'],
    ['emulator-not-fakes', 'harness/aws/x.ts → fakes/sftp/fake.ts'],
    ['generic-fake-layers-know-no-kind', 'fakes/container/run.ts → fakes/sftp/fake.ts'],
    ['reports-not-cli', 'harness/reports/report.ts → harness/cli/exit.ts'],
    ['endpoint-not-services', 'harness/aws/endpoint/endpoint.ts → harness/aws/transfer/service.ts'],
    ['production-not-test-code', 'harness/aws/transfer/service.ts → harness/aws/testing/helper.ts'],
  ])('names rule %s with the import %s', (rule, arrow) => {
    expect(broken.output).toContain(`error ${rule}: ${arrow}`);
  });

  it('lets a test start a fake as the emulator\'s partner', () => {
    expect(broken.output).not.toContain('harness/aws/x.test.ts');
  });

  it('exits 0 on a tree that keeps them, and says what it checked', async () => {
    const dir = await tree({
      'core/ssh/key.ts': 'export const key = 1;\n',
      'harness/aws/x.ts': "import { key } from '../../core/ssh/key.ts';\nexport const x = key;\n",
      'fakes/sftp/fake.ts': "import { key } from '../../core/ssh/key.ts';\nexport const fake = key;\n",
    });
    dirs.push(dir);
    const clean = await lintDeps(dir, ['core', 'harness', 'fakes']);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.output).toMatch(/3 modules, 2 imports, \d+ rules: no violations/);
  });

  it('exits 2 when a folder to check does not exist', async () => {
    const dir = await tree({ 'core/a.ts': 'export const a = 1;\n' });
    dirs.push(dir);
    expect(await lintDeps(dir, ['core', 'no-such-folder'])).toMatchObject({ code: 2, output: expect.stringContaining('not found: no-such-folder') });
  });
});
