import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, ROOT } from '../support/run-cli.ts';

const PASSING = `name: unknown connector answers ResourceNotFoundException
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
`;
const FAILING = PASSING.replace('then: { error: ResourceNotFoundException }', 'then: { error: ValidationException }').replace('name: unknown', 'name: wrongly expected');

// Plain Node, as a user's script: the run report comes back, nothing is printed.
const SCRIPT = `import { runScenarios, UsageError } from 'partner-harness';
const report = await runScenarios({ outDir: 'out' });
const filtered = await runScenarios({ paths: ['scenarios/passing.yaml'], filter: 'unknown', outDir: 'out-filtered' });
let refused;
try {
  await runScenarios({ runtime: 'docker' });
} catch (error) {
  refused = { usage: error instanceof UsageError, message: error.message };
}
process.stderr.write(JSON.stringify({ report, filtered: filtered.totals, refused }));
`;

describe('runScenarios() from partner-harness', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), 'ph-api-'));
    await mkdir(join(project, 'node_modules'));
    await mkdir(join(project, 'scenarios'));
    await symlink(ROOT, join(project, 'node_modules/partner-harness'));
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    await writeFile(join(project, 'scenarios/passing.yaml'), PASSING);
    await writeFile(join(project, 'scenarios/failing.yaml'), FAILING);
    await writeFile(join(project, 'run.mjs'), SCRIPT);
  });
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("runs the project's scenarios as the CLI does, returns the report and prints nothing", async () => {
    const result = await collect(spawn(process.execPath, ['run.mjs'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(result.stdout).toBe('');
    expect(result.code, result.stderr).toBe(0);
    const { report, filtered, refused } = JSON.parse(result.stderr);
    expect(report.totals).toMatchObject({ passed: 1, failed: 1, invalid: 0, total: 2 });
    expect(report.scenarios.map((s: { name: string; state: string }) => [s.name, s.state]).sort()).toEqual([
      ['unknown connector answers ResourceNotFoundException', 'passed'],
      ['wrongly expected connector answers ResourceNotFoundException', 'failed'],
    ]);
    expect(filtered).toMatchObject({ passed: 1, failed: 0 });
    expect(refused).toEqual({ usage: true, message: 'runtime docker: use embedded, process, container.' });
    expect(JSON.parse(await readFile(join(project, 'out/report.json'), 'utf8')).totals).toEqual(report.totals);
  });
});
