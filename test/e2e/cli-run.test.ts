import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

// Scenarios that need no fake, so the CLI's own behaviour is what is timed and tested.
const PASSING = `name: unknown connector answers ResourceNotFoundException
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
`;
const FAILING = `name: expects the wrong exception
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ValidationException }
`;
const INVALID = `name: misspelt when
wehn: { operation: "transfer:TestConnection" }
then: { status: OK }
`;

describe('partner-harness run', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ph-cli-'));
    await writeFile(join(dir, 'a-passing.yaml'), PASSING);
    await writeFile(join(dir, 'b-failing.yaml'), FAILING);
    await writeFile(join(dir, 'c-invalid.yaml'), INVALID);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 2 on an invalid file, still runs the others, and names the file and field', async () => {
    const out = join(dir, 'out-all');
    const result = await runCli(['run', dir, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^1 passed, 1 failed, 1 invalid, 0 skipped$/m);
    expect(result.stdout).toContain("unknown field(s) 'wehn'");
    expect(result.stdout).toMatch(/when: .*expected object/);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const states = Object.fromEntries(report.scenarios.map((s: { file: string; state: string }) => [s.file, s.state]));
    expect(states).toEqual({ 'a-passing.yaml': 'passed', 'b-failing.yaml': 'failed', 'c-invalid.yaml': 'invalid' });
    const failing = report.scenarios.find((s: { file: string }) => s.file === 'b-failing.yaml');
    expect(failing.result.expectations[0]).toMatchObject({ field: 'error.name', expected: 'ValidationException', actual: 'ResourceNotFoundException', passed: false });
    const junit = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(3);
    expect(junit).toContain('<failure');
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('expects the wrong exception');
  });

  it('exits 1 when a scenario fails and 0 when all pass', async () => {
    const failed = await runCli(['run', join(dir, 'a-passing.yaml'), join(dir, 'b-failing.yaml'), '--out', join(dir, 'out-1')]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('error.name: expected "ValidationException", got "ResourceNotFoundException"');
    const passed = await runCli(['run', join(dir, 'a-passing.yaml'), '--out', join(dir, 'out-0')]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
  });

  it('filters scenarios by name with -t', async () => {
    const result = await runCli(['run', join(dir, 'a-passing.yaml'), join(dir, 'b-failing.yaml'), '-t', 'unknown connector', '--out', join(dir, 'out-t')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 1 skipped$/m);
  });

  it.each([
    [['run', '--no-such-flag'], /Unknown option '--no-such-flag'/],
    [['run', 'no/such/path'], /no\/such\/path: no such file or folder/],
    [['run', '--mode', 'cloud'], /--mode cloud: use emulated or aws/],
    [['run', '--shard', 'half'], /--shard half: use i\/n/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
  ])('exits 2 with a clear message for bad input: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
