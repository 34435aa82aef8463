import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonSchema, type JsonSchema } from '../../harness/testing/check-json-schema.ts';
import { ROOT, runCli } from '../support/run-cli.ts';

const STARTERS = ['scenarios/sftp-password-login-succeeds.yaml', 'scenarios/sftp-host-key-mismatch.yaml'];

// A user's repository with partner-harness installed (node_modules/partner-harness is this
// package, as `npm install` links a local one), scaffolded by the built bin.
describe('partner-harness init, then run', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'ph-init-e2e-'));
    await mkdir(join(project, 'node_modules'));
    await symlink(ROOT, join(project, 'node_modules/partner-harness'));
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('scaffolds a project whose run passes both starter scenarios', async () => {
    const init = await runCli(['init'], { cwd: project });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created  partner-harness.config.ts');
    const run = await runCli(['run'], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^2 passed, 0 failed, 0 invalid, 0 skipped$/m);
    const report = JSON.parse(await readFile(join(project, 'reports/partner-harness/report.json'), 'utf8'));
    expect(report.scenarios.map((s: { file: string; state: string }) => [s.file, s.state]).sort()).toEqual([
      ['sftp-host-key-mismatch.yaml', 'passed'],
      ['sftp-password-login-succeeds.yaml', 'passed'],
    ]);
  });

  it("writes scenarios whose $schema line names the package's JSON Schema, which they satisfy", async () => {
    for (const file of STARTERS) {
      const text = await readFile(join(project, file), 'utf8');
      const [, path] = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text) ?? [];
      expect(path).toBe('../node_modules/partner-harness/dist/scenario.schema.json');
      const schema = JSON.parse(await readFile(resolve(dirname(join(project, file)), path!), 'utf8')) as JsonSchema;
      expect(checkJsonSchema(schema, parseYaml(text), '')).toEqual([]);
    }
  });

  it('keeps what exists on a second init, and says so', async () => {
    const again = await runCli(['init'], { cwd: project });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('skipped  partner-harness.config.ts (it exists; --force overwrites it)');
    expect(again.stdout).not.toContain('created');
  });
});
