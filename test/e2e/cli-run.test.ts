import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.ts';

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
    expect(result.stdout).toContain('  - 1 scenario(s) not selected by the name filter (-t)');
  });

  it('exits 2 when -t matches no scenario, naming the pattern, the files and the names there are', async () => {
    const result = await runCli(['run', join(dir, 'a-passing.yaml'), join(dir, 'b-failing.yaml'), '-t', 'xyz', '--out', join(dir, 'out-none')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "partner-harness: No scenario matched -t 'xyz' in 2 file(s) (names: 'unknown connector answers ResourceNotFoundException', 'expects the wrong exception').",
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('writes complete reports atomically: no temp files, no empty junit.xml, none left from an earlier run', async () => {
    const out = join(dir, 'out-atomic');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'junit.xml'), '');
    await writeFile(join(out, 'report.json'), '{"from":"an earlier run"}');
    const result = await runCli(['run', join(dir, 'a-passing.yaml'), '--out', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
    const junit = await readFile(join(out, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/^<\?xml [^]*<testcase classname="a-passing.yaml" name="unknown connector answers ResourceNotFoundException" [^]*<\/testsuites>\n$/);
    expect(JSON.parse(await readFile(join(out, 'report.json'), 'utf8'))).toMatchObject({ tool: 'partner-harness', totals: { passed: 1, total: 1 } });
    expect(result.stdout).not.toContain('JUNIT report written');
  });

  it.each([
    [['run', '--no-such-flag'], /Unknown option '--no-such-flag'/],
    [['run', 'no/such/path'], /no\/such\/path: no such file or folder/],
    [['run', '--mode', 'cloud'], /--mode cloud: use emulated or aws/],
    [['run', '--shard', 'half'], /--shard half: use i\/n/],
    [['run', '--shard', '3/2'], /--shard 3\/2: the part must be between 1 and 2/],
    [['run', '--shard', '0/2'], /--shard 0\/2: the part must be between 1 and 2/],
    [['run', '--shard', '1/0'], /--shard 1\/0: the number of parts must be at least 1/],
    [['run', '-t', '(unclosed'], /-t \(unclosed: not a valid regular expression/],
    [['frobnicate'], /Unknown command 'frobnicate'/],
  ])('exits 2 with a clear message and no stack trace for bad input: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 for a shard count larger than the number of files, and for an --out that is a file', async () => {
    const shard = await runCli(['run', join(dir, 'a-passing.yaml'), join(dir, 'b-failing.yaml'), '--shard', '1/3']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard 1/3: only 2 scenario file(s) to split; use at most 2 part(s), e.g. --shard 1/2.');
    const out = await runCli(['run', join(dir, 'a-passing.yaml'), '--out', join(dir, 'a-passing.yaml')]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out .*a-passing\.yaml: cannot use it as the report folder \(EEXIST\)/);
    for (const result of [shard, out]) expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('runs the given shard of the files', async () => {
    const files = [join(dir, 'a-passing.yaml'), join(dir, 'b-failing.yaml')];
    const [first, second] = await Promise.all(['1/2', '2/2'].map((shard) => runCli(['run', ...files, '--shard', shard, '--out', join(dir, `out-shard-${shard[0]}`)])));
    const totals = [first!, second!].map((r) => r.stdout.match(/^(\d+) passed, (\d+) failed/m)!.slice(1).map(Number));
    expect(totals.map(([p, f]) => p! + f!)).toEqual([1, 1]);
    expect(totals[0]![0]! + totals[1]![0]!).toBe(1);
  });

  it('hands vitest the worker it started before loading vitest, and starts its own when vitest would start one otherwise', async () => {
    // Adopted: the start-up work runs on both cores (prewarmed-fork.ts). If a vitest upgrade
    // changes how it starts forks, this fails instead of every run silently getting slower.
    const adopted = await runCli(['run', join(dir, 'a-passing.yaml'), '--out', join(dir, 'out-prewarm')], { env: { DEBUG: 'partner-harness:cli' } });
    expect(adopted.code, adopted.stderr).toBe(0);
    expect(adopted.stderr).toMatch(/vitest adopts the prewarmed fork \(pid \d+\)/);
    // A .env beside the scenarios puts VITE_ variables into vitest's workers: not what the fork
    // was started with, so it is stopped and vitest starts its own; the run is the same.
    const withEnv = join(dir, 'with-env');
    await mkdir(withEnv, { recursive: true });
    await writeFile(join(withEnv, '.env'), 'VITE_PARTNER=acme\n');
    await writeFile(join(withEnv, 'passing.yaml'), PASSING);
    const own = await runCli(['run', withEnv, '--out', join(dir, 'out-own')], { env: { DEBUG: 'partner-harness:cli' } });
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toMatch(/not using the prewarmed vitest fork: .*env VITE_PARTNER="acme"/);
    expect(own.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
  });

  it('runs --workers processes at once, each taking file after file (not a process per file)', async () => {
    // Each scenario module notes the process it is loaded in.
    const many = join(dir, 'many');
    const pids = join(dir, 'worker-pids.txt');
    await mkdir(many, { recursive: true });
    for (let index = 1; index <= 6; index += 1) {
      await writeFile(
        join(many, `s${index}.scenario.ts`),
        `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n');
export default { name: 'unknown connector ${index}', when: { operation: 'transfer:TestConnection', input: { ConnectorId: 'c-0123456789abcdef0' } }, then: { error: 'ResourceNotFoundException' } };
`,
      );
    }
    const result = await runCli(['run', many, '--workers', '2', '--out', join(dir, 'out-workers')], { env: { DEBUG: 'partner-harness:cli' } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^6 passed, 0 failed, 0 invalid, 0 skipped$/m);
    const seen = (await readFile(pids, 'utf8')).trim().split('\n');
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBeLessThanOrEqual(2);
    // Both workers were started before vitest loaded, and they are the ones that ran the files.
    const adopted = [...result.stderr.matchAll(/vitest adopts the prewarmed fork \(pid (\d+)\)/g)].map((match) => match[1]);
    expect(adopted).toHaveLength(2);
    expect(seen.filter((pid) => !adopted.includes(pid))).toEqual([]);
    const refused = await runCli(['run', many, '--workers', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toContain('--workers 0: give a whole number from 1 to 64, e.g. --workers 2.');
  });

  it('hosts the database engines for all its workers: one engine, started ahead, for Glue scenarios on two workers', { timeout: 120_000 }, async () => {
    // The same user and database in every file: a worker whose fake finds them held on the engine waits its turn, not a second engine.
    const glue = join(dir, 'glue');
    await mkdir(glue, { recursive: true });
    for (let index = 1; index <= 4; index += 1) {
      await writeFile(
        join(glue, `g${index}.yaml`),
        `name: Glue logs in to Postgres ${index}
given:
  fakes:
    db: { kind: postgres, users: [{ name: etl, password: Etl-Pass-${index}x }], databases: [{ name: orders, owner: etl }] }
when:
  operation: glue:TestConnection
  input:
    TestConnectionInput:
      ConnectionType: JDBC
      ConnectionProperties: { JDBC_CONNECTION_URL: "{{ fakes.db.jdbcUrl }}", USERNAME: etl, PASSWORD: Etl-Pass-${index}x }
then: { response: {} }
`,
      );
    }
    const result = await runCli(['run', glue, '--workers', '2', '--out', join(dir, 'out-glue')], { env: { DEBUG: 'partner-harness:cli,partner-harness:fake:db' } });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^4 passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect([...result.stderr.matchAll(/vitest adopts the prewarmed fork/g)]).toHaveLength(2);
    expect(result.stderr).toContain('postgresql (embedded) engine started ahead for the run');
    expect([...result.stderr.matchAll(/PostgresFake \(embedded\) initialised/g)]).toHaveLength(1);
    const ports = [...result.stderr.matchAll(/PostgresFake \(embedded\) on the shared engine 127\.0\.0\.1:(\d+)/g)].map((match) => match[1]);
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBe(1);
  });

  it('prints its version with --version and -v', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    }
  });

  it('serve: a taken --port is invalid input (exit 2) with a message, not a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const result = await runCli(['serve', '--port', String(port)]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`partner-harness: --port ${port}: already in use; pick another port, or leave --port out for a free one.`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });
});

describe('partner-harness run: what it runs by default', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'ph-cli-project-'));
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it('with neither a config nor ./scenarios, exits 2 and suggests init, paths and --catalogue', async () => {
    const result = await runCli(['run'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`partner-harness: Nothing to run: there is no partner-harness.config.ts in ${project} and no ./scenarios folder.`);
    expect(result.stderr).toContain('`npx partner-harness init`');
    expect(result.stderr).toContain('`partner-harness run --catalogue`');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("runs ./scenarios of the current folder, and writes reports to ./reports/out", async () => {
    await mkdir(join(project, 'scenarios'));
    await writeFile(join(project, 'scenarios/unknown-connector.yaml'), PASSING);
    const result = await runCli(['run'], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect(JSON.parse(await readFile(join(project, 'reports/out/report.json'), 'utf8'))).toMatchObject({ totals: { passed: 1 } });
  });

  it("runs the config's scenarios (a glob) with its outDir; flags win over the config", async () => {
    await mkdir(join(project, 'partners/acme'), { recursive: true });
    await writeFile(join(project, 'partners/acme/failing.yaml'), FAILING);
    await writeFile(join(project, 'partners/acme/passing.yml'), PASSING);
    await writeFile(join(project, 'partner-harness.config.ts'), `const outDir: string = 'out/ph';\nexport default { scenarios: ['partners/**/*.yml'], outDir };\n`);
    const result = await runCli(['run'], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, 0 skipped$/m);
    expect(JSON.parse(await readFile(join(project, 'out/ph/report.json'), 'utf8')).scenarios.map((s: { file: string }) => s.file)).toEqual(['passing.yml']);
    const given = await runCli(['run', 'partners/acme/failing.yaml', '--out', 'elsewhere'], { cwd: project });
    expect(given.code).toBe(1);
    expect(JSON.parse(await readFile(join(project, 'elsewhere/report.json'), 'utf8'))).toMatchObject({ totals: { failed: 1 } });
  });

  it('exits 2 on a config with an unknown field, naming the file and the field and suggesting the right one', async () => {
    const config = join(project, 'typo.config.mjs');
    await writeFile(config, `export default { scenario: ['partners'] };\n`);
    const result = await runCli(['run', '--config', 'typo.config.mjs'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`partner-harness: Invalid config file ${config}:\n  - scenario: unknown field: remove it or check the spelling. Did you mean 'scenarios'?`);
    const missing = await runCli(['run', '--config', 'nope.config.ts'], { cwd: project });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--config nope.config.ts: no such file.');
  });

  it('runs the shipped catalogue with --catalogue, wherever it is started', async () => {
    const result = await runCli(['run', '--catalogue', '-t', '^A partner accepts the connector.s password login$', '--out', join(project, 'out-catalogue')], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 passed, 0 failed, 0 invalid, \d+ skipped$/m);
  });
});
