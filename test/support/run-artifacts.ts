import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunReport } from '../../harness/reports/index.ts';

/**
 * Caches a run creates in os.tmpdir() on purpose and reuses next time (a completed run leaves
 * them too): Vite's transform cache, tsx's cache, the engine copy, and testcontainers' own
 * cross-process reaper lock file (kept by design, like a completed run keeps it). Anything else
 * is left behind.
 */
const CACHES = /^(partner-harness-vite|partner-harness-engines|tsx-\d+|testcontainers-node-\d+\.lock)$/;

/**
 * A private os.tmpdir() for one CLI run (pass it as TMPDIR): its entries afterwards are exactly
 * what that run left there, whatever else runs on the machine. World-traversable, as the
 * database engines (another OS user) need.
 */
export async function privateTmpdir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}

/** What a run left in its TMPDIR, caches aside. */
export async function leftInTmpdir(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !CACHES.test(name)).sort();
}

/** Processes whose command line mentions `path` (engines, initdb, sshd started under a run's TMPDIR). */
export function processesUnder(path: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(path) && !/\bps -eo\b/.test(line));
}

const REPORT_FILES = ['junit.xml', 'report.html', 'report.json'];

/**
 * Expects the report folder to hold all three reports, complete and parseable, or none (and no
 * temp files). Returns the JSON report when there is one.
 */
export async function expectReportsAbsentOrComplete(outDir: string): Promise<RunReport | undefined> {
  const names = (await readdir(outDir).catch(() => [] as string[])).sort();
  if (names.length === 0) return undefined;
  expect(names, 'report files (all three, nothing else)').toEqual(REPORT_FILES);
  for (const name of names) expect((await stat(join(outDir, name))).size, `${name} size`).toBeGreaterThan(0);
  const report = JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')) as RunReport;
  expect(report.tool).toBe('partner-harness');
  expect(report.scenarios).toHaveLength(report.totals.total);
  const junit = await readFile(join(outDir, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>\n(<!--[^]*?-->\n)?<testsuites /);
  expect(junit.endsWith('</testsuites>\n')).toBe(true);
  expect(junit.match(/<testcase /g) ?? []).toHaveLength(report.scenarios.length);
  expect((await readFile(join(outDir, 'report.html'), 'utf8')).trimEnd().endsWith('</html>')).toBe(true);
  return report;
}
