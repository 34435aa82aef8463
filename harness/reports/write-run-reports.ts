import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtmlParts } from './render-html.ts';
import { renderJunitParts } from './render-junit.ts';
import type { RunReport } from './run-report.ts';
import { runReportJson } from './run-report-json.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const REPORT_FILES = ['report.json', 'report.html', 'junit.xml'] as const;

/**
 * Writes report.json, report.html and junit.xml into `outDir`, each atomically; returns their
 * paths. Each is written piece by piece: for a thousand scenarios the three whole strings (13 MB
 * of text) made the run's peak memory at its very end.
 */
export async function writeRunReports(outDir: string, report: RunReport): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const [json, html, junit] = REPORT_FILES.map((name) => join(outDir, name)) as [string, string, string];
  await Promise.all([
    writeFileAtomic(json, runReportJson(report)),
    writeFileAtomic(html, renderHtmlParts(report)),
    writeFileAtomic(junit, renderJunitParts(report)),
  ]);
  return [json, html, junit];
}
