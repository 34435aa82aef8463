import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, ROOT, runCli } from '../support/run-cli.ts';

// Quick catalogue scenarios: an embedded identity-provider fake each, no database engine.
const FOLDER = join(ROOT, 'scenarios/identity-provider');
const FILES = ['01-password-login-succeeds.yaml', '03-wrong-password.yaml', '04-unknown-user.yaml', '05-public-key-login.yaml'].map((file) => join(FOLDER, file));

interface Report {
  totals: Record<'passed' | 'failed' | 'invalid' | 'skipped' | 'total', number>;
  scenarios: Array<{ file: string; name: string; state: string }>;
  shard?: { index: number; count: number; files: string[]; totalFiles: number };
  mergedFrom?: Array<{ shard: string }>;
}

async function readReport(dir: string): Promise<Report> {
  return JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
}

describe('run --shard, then merge-reports', () => {
  let dir: string;
  const shardDir = (index: number) => join(dir, `shard-${index}`);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-merge-'));
    // The two shards one after the other: two cores, and each starts its own workers.
    for (const index of [1, 2]) {
      const result = await runCli(['run', ...FILES, '--shard', `${index}/2`, '--out', shardDir(index)]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('records each shard and its files in report.json and writes its vitest blob', async () => {
    const [one, two] = await Promise.all([readReport(shardDir(1)), readReport(shardDir(2))]);
    expect(one.shard).toMatchObject({ index: 1, count: 2, totalFiles: 4 });
    expect(two.shard).toMatchObject({ index: 2, count: 2, totalFiles: 4 });
    expect([...one.shard!.files, ...two.shard!.files].sort()).toEqual(FILES.map((file) => file.slice(FOLDER.length + 1)));
    expect(await readdir(join(shardDir(1), 'blob'))).toEqual(['blob-1-2.json']);
    expect(await readdir(join(shardDir(2), 'blob'))).toEqual(['blob-2-2.json']);
  });

  it('merges the shards into one report with every scenario once and the totals summed', async () => {
    const out = join(dir, 'merged');
    const result = await runCli(['merge-reports', shardDir(2), shardDir(1), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Merged 2 shard report(s)');
    const [one, two, merged] = await Promise.all([readReport(shardDir(1)), readReport(shardDir(2)), readReport(out)]);
    const keys = merged.scenarios.map((scenario) => `${scenario.file} › ${scenario.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(merged.scenarios.map((scenario) => scenario.file).sort()).toEqual(FILES.map((file) => file.slice(FOLDER.length + 1)));
    for (const key of ['passed', 'failed', 'invalid', 'skipped', 'total'] as const) expect(merged.totals[key]).toBe(one.totals[key] + two.totals[key]);
    expect(merged.totals.total).toBe(4);
    expect(merged.mergedFrom?.map((from) => from.shard)).toEqual(['1/2', '2/2']);
    expect(merged.shard).toBeUndefined();
    const junit = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(4);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    for (const scenario of merged.scenarios) expect(html).toContain(scenario.name.replace(/'/g, '&#39;'));
    expect((await readdir(join(out, 'blob'))).sort()).toEqual(['blob-1-2.json', 'blob-2-2.json']);

    const markdown = await runCli(['report', join(out, 'report.json'), '--format', 'markdown']);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toMatch(/^## partner-harness: ✅ 4 passed, 0 failed, 0 invalid, 0 skipped \(4 scenario\(s\)\)$/m);
    expect(markdown.stdout).toContain(', 2 shard(s) merged,');
    expect(markdown.stdout.match(/^\| ✅ \|.*\| idp: idp \(embedded\) \|/gm)).toHaveLength(4);
  });

  it("lets vitest's own --merge-reports read the blobs the shards wrote", async () => {
    const out = join(dir, 'merged-vitest');
    await runCli(['merge-reports', shardDir(1), shardDir(2), '--out', out]);
    const junitFile = join(dir, 'vitest-junit.xml');
    const vitest = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), '--merge-reports', join(out, 'blob'), '--root', FOLDER, '--reporter=junit', `--outputFile.junit=${junitFile}`], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await collect(vitest);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const junit = await readFile(junitFile, 'utf8');
    expect(junit).toMatch(/<testsuites name="vitest tests" tests="4" failures="0"/);
  }, 60_000);

  it('refuses, with exit 2 and the folders named, a shard given twice, a missing shard and a report that is not a shard', async () => {
    const twice = await runCli(['merge-reports', shardDir(1), shardDir(1), shardDir(2), '--out', join(dir, 'x')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`overlapping: shard 1/2 is given twice (${shardDir(1)}, ${shardDir(1)})`);
    const missing = await runCli(['merge-reports', shardDir(2), '--out', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`incomplete: shard 1/2 missing (given: 2/2 in ${shardDir(2)})`);
    const merged = join(dir, 'merged');
    const notShard = await runCli(['merge-reports', merged, shardDir(2), '--out', join(dir, 'x')]);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain(`${merged}: not a shard's report`);
    const absent = await runCli(['merge-reports', join(dir, 'nowhere'), '--out', join(dir, 'x')]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain(`${join(dir, 'nowhere')}: cannot read it (ENOENT)`);
    await expect(readdir(join(dir, 'x'))).rejects.toThrow(/ENOENT/);
  });
});
