import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_DIR_ENV } from '../../fakes/db/index.ts';
import { collect, spawnCli, waitForOutput } from '../support/run-cli.ts';
import { eventually, isProcessGroupGone } from '../support/ports.ts';
import { leftInTmpdir, privateTmpdir } from '../support/run-artifacts.ts';

const PASSING = `name: unknown connector answers ResourceNotFoundException
when: { operation: "transfer:TestConnection", input: { ConnectorId: c-0123456789abcdef0 } }
then: { error: ResourceNotFoundException }
`;

describe('partner-harness run --watch', () => {
  let base: string;
  let project: string;
  let tmp: string;
  beforeAll(async () => {
    base = await privateTmpdir('ph-watch-');
    project = join(base, 'project');
    // The run's own TMPDIR, beside the watched folder: what it leaves there is checked at the end.
    tmp = join(base, 'tmp');
    await Promise.all([mkdir(project), mkdir(tmp)]);
    await writeFile(join(project, 'a.yaml'), PASSING);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('reruns a scenario when its file changes, runs a new one, and exits 130 on Ctrl-C leaving nothing behind', async () => {
    const child = spawnCli(['run', '--watch', project, '--out', join(project, 'out')], { env: { TMPDIR: tmp, [ENGINE_DIR_ENV]: tmp }, detached: true });
    const done = collect(child);
    try {
      await waitForOutput(child, /1 passed, 0 failed, 0 invalid, 0 skipped/);
      await writeFile(join(project, 'a.yaml'), PASSING.replace('then: { error: ResourceNotFoundException }', 'then: { error: ValidationException }'));
      await waitForOutput(child, /0 passed, 1 failed/);
      expect(JSON.parse(await readFile(join(project, 'out/report.json'), 'utf8'))).toMatchObject({ totals: { failed: 1 } });
      await writeFile(join(project, 'b.yaml'), PASSING.replace('name: unknown', 'name: another unknown'));
      await waitForOutput(child, /another unknown connector/);
    } finally {
      child.kill('SIGINT');
    }
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('partner-harness: interrupted; stopping the scenarios and their fakes');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await eventually(() => isProcessGroupGone(child.pid!))).toBe(true);
    expect(await leftInTmpdir(tmp)).toEqual([]);
  });
});
