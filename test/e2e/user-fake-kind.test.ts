import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, ROOT, runCli, spawnCli, waitForOutput } from '../support/run-cli.ts';

/**
 * A user's own kind of fake, as they would ship it: defined in their partner-harness.config.mjs
 * against `partner-harness/fakes` only, declared by their scenario files, run by the CLI.
 */
const PROJECT = fileURLToPath(new URL('./__fixtures__/user-fake-kind/', import.meta.url));

interface Report {
  totals: { passed: number; failed: number; invalid: number };
  scenarios: Array<{
    name: string;
    state: string;
    invalid?: { issues: Array<{ message: string }> };
    result?: { fakes: Record<string, { kind: string; runtime: string; port: number }>; transcripts: Record<string, Array<{ kind: string }>> };
  }>;
}

describe("a user's kind of fake from their config", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-user-kind-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is started for the scenarios that declare it, behind a network fault too, and stopped after', async () => {
    const out = join(dir, 'out');
    const result = await runCli(['run', '--out', out], { cwd: PROJECT });
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.totals, result.stdout.slice(-3000)).toMatchObject({ passed: 2, failed: 0, invalid: 0 });
    expect(result.code).toBe(0);
    const byName = Object.fromEntries(report.scenarios.map((s) => [s.name, s.result!]));
    const plain = byName['A partner that echoes instead of speaking SSH']!;
    expect(plain.fakes.partner).toMatchObject({ kind: 'echo', runtime: 'embedded' });
    expect(plain.transcripts.partner!.map((entry) => entry.kind)).toEqual(['line', 'stopped']);
    const slow = byName['The echo partner behind a slow link still hangs up on the connector']!;
    const kinds = slow.transcripts.partner!.map((entry) => entry.kind);
    expect(kinds).toContain('net:fault-applied');
    expect(kinds).toContain('net:stopped');
    expect(kinds).toContain('stopped');
  });

  it('is served too: serve takes the kinds of fake from the config, as run does', async () => {
    const child = spawnCli(['serve', 'scenarios/echo-partner.yaml'], { cwd: PROJECT });
    const done = collect(child);
    const printed = await waitForOutput(child, /Press Ctrl-C to stop\./);
    expect(printed).toMatch(/^Fake partner \(echo, embedded\): 127\.0\.0\.1:\d+$/m);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code, `${result.signal} ${result.stderr}`).toBe(0);
  });

  it('cannot take the name of a built-in kind: the run stops before any scenario, with the fix (exit 2)', async () => {
    const project = join(dir, 'taken');
    await mkdir(join(project, 'node_modules'), { recursive: true });
    // As installed: the config imports partner-harness and zod by name.
    await symlink(ROOT, join(project, 'node_modules', 'partner-harness'));
    await symlink(join(ROOT, 'node_modules', 'zod'), join(project, 'node_modules', 'zod'));
    await cp(join(PROJECT, 'scenarios'), join(project, 'scenarios'), { recursive: true });
    const config = await readFile(join(PROJECT, 'partner-harness.config.mjs'), 'utf8');
    await writeFile(join(project, 'partner-harness.config.mjs'), config.replace("kind: 'echo'", "kind: 'sftp'").replace("z.literal('echo')", "z.literal('sftp')"));
    const result = await runCli(['run', '--out', join(project, 'out')], { cwd: project });
    expect(result.code, result.stdout + result.stderr).toBe(2);
    // Checked by the CLI before vitest starts (resolve-run.ts), so no scenario runs.
    expect(result.stderr).toContain(
      `${join(project, 'partner-harness.config.mjs')}: fakes[0]: the kind name 'sftp' is taken by a built-in kind of partner-harness (taken: sftp, idp, postgres, mysql, salesforce). Give yours its own name, in its kind and in its schema's z.literal, e.g. 'sftp-partner'`,
    );
    expect(result.stdout).not.toMatch(/passed, \d+ failed/);
  });
});
