import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProfile, sftpProfile } from '../reports/probe-profile-test-helpers.ts';
import { totalsOf, type RunReport } from '../reports/run-report.ts';
import { readRunReport } from './read-run-report.ts';

const REPORT: RunReport = { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 1, mode: 'emulated', runtime: 'embedded', totals: totalsOf([]), scenarios: [] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ph-read-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function written(report: unknown): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(report));
  return file;
}

describe('readRunReport: the probe profiles of run --profile', () => {

  it('reads a report without probes (written before they existed) and one with both kinds', async () => {
    expect(await readRunReport(await written(REPORT))).toEqual(REPORT);
    const probes = [sftpProfile(), databaseProfile()];
    expect((await readRunReport(await written({ ...REPORT, probes }))).probes).toEqual(probes);
  });

  it('refuses probes that are not profiles, naming the file and the field (the renderers meet only well-formed ones)', async () => {
    const notList = await written({ ...REPORT, probes: { target: 'sftp://x' } });
    await expect(readRunReport(notList)).rejects.toMatchObject({ code: 'USAGE', message: `${notList}: probes: expected a list of partner profiles. Give a report.json written by partner-harness run.` });
    const broken = await written({ ...REPORT, probes: [databaseProfile(), { ...sftpProfile(), policies: 'all OK' }] });
    await expect(readRunReport(broken)).rejects.toMatchObject({
      code: 'PROFILE_INVALID',
      message: expect.stringMatching(new RegExp(`^${broken}: probes\\.1: policies: .*; give a report\\.json written by partner-harness run$`)),
    });
  });
});

/** A report with every kind of entry and the nested fields the renderers read. */
function richReport(): RunReport {
  const scenarios: RunReport['scenarios'] = [
    {
      name: 'passes',
      file: 'a.yaml',
      state: 'passed',
      durationMs: 5,
      errors: [],
      output: [{ stream: 'stdout', text: 'hello' }],
      result: {
        name: 'passes',
        file: 'a.yaml',
        mode: 'emulated',
        operation: 'transfer:TestConnection',
        tags: ['sftp'],
        seed: 1,
        passed: true,
        request: { ConnectorId: 'c-1' },
        response: { Status: 'OK', StatusMessage: 'Connection succeeded' },
        httpStatus: 200,
        expectations: [{ field: 'Status', expected: 'OK', actual: 'OK', passed: true }],
        fakes: { partner: { kind: 'sftp', runtime: 'embedded', host: '127.0.0.1', port: 2222, hostKey: 'ssh-ed25519 AAAA' } },
        transcripts: { partner: [{ at: 1, kind: 'auth', detail: { method: 'password', result: 'accepted' } }] },
        emulator: {
          requestId: 'r-1',
          httpStatus: 200,
          messages: [{ id: 'transfer.test-connection.succeeded', text: 'Connection succeeded', provenance: 'documented', source: 'doc' }],
          transcript: [{ at: 0, kind: 'tcp:connect', detail: { host: '127.0.0.1', port: 2222 } }],
          diagnosis: [{ code: 'c', text: 't', fix: 'f' }],
        },
        durationMs: 5,
      },
    },
    {
      name: 'fails',
      file: 'b.yaml',
      state: 'failed',
      durationMs: 3,
      errors: ['Status: expected'],
      result: {
        name: 'fails',
        mode: 'emulated',
        operation: 'transfer:DescribeConnector',
        passed: false,
        error: { name: 'ResourceNotFoundException', message: 'Unknown connector', httpStatus: 400 },
        expectations: [{ field: 'error.name', expected: 'X', actual: 'ResourceNotFoundException', passed: false }],
        fakes: {},
        transcripts: {},
        setupError: 'no',
        durationMs: 3,
      },
    },
    { name: 'broken.yaml', file: 'broken.yaml', state: 'invalid', durationMs: 0, errors: [], invalid: { file: 'broken.yaml', issues: [{ path: 'when', message: 'Required', line: 1 }] } },
    { name: 'skipped', file: 'c.yaml', state: 'skipped', durationMs: 0, errors: [], skipReason: 'needs Docker' },
  ];
  return {
    ...REPORT,
    versions: { partnerHarness: '0.1.0', node: 'v20' },
    unhandledErrors: ['boom'],
    totals: totalsOf(scenarios),
    scenarios,
    shard: { index: 1, count: 1, files: ['a.yaml', 'b.yaml', 'broken.yaml', 'c.yaml'], totalFiles: 4 },
  };
}

describe('readRunReport: a report from elsewhere is refused, field by field, or rendered; never a crash', () => {
  it('names the fields of the wrong type, the first five and how many more', async () => {
    const file = await written({ tool: 'partner-harness', scenarios: [{}], totals: {} });
    const error = await readRunReport(file).catch((caught: Error) => caught);
    expect(error).toMatchObject({ code: 'USAGE' });
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe(`${file}: not a report this partner-harness can read:`);
    expect(lines.slice(1, 6)).toEqual(expect.arrayContaining(['  - startedAt: Invalid input: expected string, received undefined']));
    expect(lines[6]).toMatch(/^ {2}- and \d+ more$/);
  });

  it('after 600 seeded mutations of a rich report, every read either refuses with exit 2 or renders in every format', async () => {
    const { renderHtml, renderJunit, renderMarkdown, renderSummary, mergeRunReports } = await import('../reports/index.ts');
    const values: unknown[] = [null, 0, -1, 1.5, '', 'x\u001b[2J', [], {}, true, [null], [{}], { a: 1 }];
    let seed = 13;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const paths = (value: unknown, at: Array<string | number> = []): Array<Array<string | number>> =>
      value !== null && typeof value === 'object'
        ? [at, ...Object.entries(value).flatMap(([key, child]) => paths(child, [...at, Array.isArray(value) ? Number(key) : key]))]
        : [at];
    let refused = 0;
    let rendered = 0;
    for (let i = 0; i < 600; i++) {
      const report = richReport() as unknown as Record<string, unknown>;
      const all = paths(report).filter((path) => path.length > 0);
      const path = all[random(all.length)]!;
      const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], report);
      if (random(4) === 0 && !Array.isArray(parent)) delete parent[path.at(-1)!];
      else parent[path.at(-1)!] = values[random(values.length)];
      const file = await written(report);
      let read: RunReport;
      try {
        read = await readRunReport(file);
      } catch (error) {
        expect((error as { code?: string }).code, `${path.join('.')}: ${(error as Error).stack}`).toBe('USAGE');
        refused++;
        continue;
      }
      for (const render of [renderHtml, renderJunit, renderMarkdown, (r: RunReport) => renderSummary(r)]) {
        expect(() => render(read), path.join('.')).not.toThrow();
      }
      expect(() => mergeRunReports([{ dir: 'a', report: read }]), path.join('.')).not.toThrow(TypeError);
      rendered++;
    }
    // Both paths were taken: the mutations hit checked fields and free ones.
    expect(refused).toBeGreaterThan(50);
    expect(rendered).toBeGreaterThan(50);
  });
});
