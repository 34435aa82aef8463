import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseProfile, sftpProfile } from '../reports/probe-profile-test-helpers.ts';
import { totalsOf, type RunReport } from '../reports/run-report.ts';
import { readRunReport } from './read-run-report.ts';

const REPORT: RunReport = { tool: 'partner-harness', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 1, mode: 'emulated', runtime: 'embedded', totals: totalsOf([]), scenarios: [] };

describe('readRunReport: the probe profiles of run --profile', () => {
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
