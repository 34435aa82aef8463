import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, collect, ROOT, runCli, type CliResult } from '../support/run-cli.ts';

// The CI files `init` writes, their commands run here as the CI would run them: in a scaffolded
// project that has partner-harness installed (npx finds node_modules/.bin/partner-harness).
let project: string;

function sh(command: string, env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', command], {
    cwd: project,
    // Offline: npx must find the installed bin, never fetch a package.
    env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true', npm_config_update_notifier: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return collect(child);
}

/** A CI command: `npm ci` (nothing to do here), or one that runs partner-harness. */
function partnerHarnessCommands(commands: string[]): string[] {
  const others = commands.filter((command) => !command.startsWith('npm ci') && !command.startsWith('npx partner-harness '));
  expect(others).toEqual([]);
  return commands.filter((command) => command.startsWith('npx partner-harness '));
}

async function summaryOf(file: string): Promise<string> {
  return readFile(join(project, file), 'utf8');
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'ph-ci-'));
  await mkdir(join(project, 'node_modules/.bin'), { recursive: true });
  await symlink(ROOT, join(project, 'node_modules/partner-harness'));
  await symlink(BIN, join(project, 'node_modules/.bin/partner-harness'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'partner-project', private: true }));
  expect((await runCli(['init'], { cwd: project })).code).toBe(0);
  expect((await runCli(['init', '--ci', 'gitlab'], { cwd: project })).code).toBe(0);
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('the GitHub Actions workflow init writes', () => {
  it('runs here: each matrix shard, the artifacts downloaded as download-artifact lays them out, the merge and the step summary', async () => {
    type Step = { run?: string; uses?: string; if?: string; with?: Record<string, string> };
    const workflow = parseYaml(await readFile(join(project, '.github/workflows/partner-harness.yml'), 'utf8')) as { jobs: Record<string, { strategy?: { matrix: { shard: number[] } }; steps: Step[] }> };
    const { scenarios, report } = workflow.jobs;
    const shards = scenarios!.strategy!.matrix.shard;
    const expand = (text: string, shard: number) => text.replaceAll('${{ matrix.shard }}', String(shard)).replaceAll('${{ strategy.job-total }}', String(shards.length));
    const download = report!.steps.find((step) => step.uses === 'actions/download-artifact@v4')!.with!;
    for (const shard of shards) {
      for (const command of partnerHarnessCommands(scenarios!.steps.flatMap((step) => (step.run ? [expand(step.run, shard)] : [])))) {
        const result = await sh(command);
        expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      }
      const upload = scenarios!.steps.find((step) => step.uses === 'actions/upload-artifact@v4')!.with!;
      const name = expand(upload.name!, shard);
      expect(name).toMatch(new RegExp(`^${download.pattern!.replace('*', '.*')}$`));
      // Without merge-multiple, download-artifact puts each artifact in <path>/<artifact name>/.
      await cp(join(project, expand(upload.path!, shard)), join(project, download.path!, name), { recursive: true });
    }
    for (const command of partnerHarnessCommands(report!.steps.flatMap((step) => (step.run ? [step.run] : [])))) {
      const result = await sh(command, { GITHUB_STEP_SUMMARY: join(project, 'step-summary.md') });
      expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
    }
    const summary = await summaryOf('step-summary.md');
    expect(summary).toMatch(/^## partner-harness: ✅ 2 passed, 0 failed, 0 invalid, 0 skipped \(2 scenario\(s\)\)$/m);
    expect(summary).toContain('2 shard(s) merged');
    const merged = report!.steps.filter((step) => step.uses === 'actions/upload-artifact@v4').at(-1)!.with!.path!;
    expect(JSON.parse(await readFile(join(project, merged, 'report.json'), 'utf8')).totals).toMatchObject({ passed: 2, total: 2 });
  }, 120_000);
});

describe('the GitLab CI file init --ci gitlab writes', () => {
  it('runs here: each parallel job, its JUnit report, and the merge job at the end', async () => {
    const jobs = parseYaml(await readFile(join(project, '.gitlab-ci.yml'), 'utf8')) as Record<string, { parallel?: number; script: string[]; artifacts: { reports?: { junit?: string } } }>;
    const shardJob = jobs['partner-harness']!;
    const total = shardJob.parallel!;
    for (let index = 1; index <= total; index++) {
      const env = { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) };
      for (const command of partnerHarnessCommands(shardJob.script)) {
        const result = await sh(command, env);
        expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      }
      const junit = shardJob.artifacts.reports!.junit!.replace('shard-*', `shard-${index}`);
      expect(await readFile(join(project, junit), 'utf8')).toContain('<testcase ');
    }
    for (const command of partnerHarnessCommands(jobs['partner-harness-report']!.script)) {
      const result = await sh(command);
      expect(result.code, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
    }
    expect(await summaryOf('reports/partner-harness/merged/summary.md')).toMatch(/^## partner-harness: ✅ 2 passed, 0 failed/m);
  }, 120_000);
});
