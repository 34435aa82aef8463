import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderHtml } from './render-html.ts';
import { renderJunit } from './render-junit.ts';
import type { RunReport } from './run-report.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export const REPORT_FILES = ['report.json', 'report.html', 'junit.xml'] as const;

/** Writes report.json, report.html and junit.xml into `outDir`, each atomically; returns their paths. */
export async function writeRunReports(outDir: string, report: RunReport): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const [json, html, junit] = REPORT_FILES.map((name) => join(outDir, name)) as [string, string, string];
  await Promise.all([
    writeFileAtomic(json, JSON.stringify(report, null, 2) + '\n'),
    writeFileAtomic(html, renderHtml(report)),
    writeFileAtomic(junit, renderJunit(report)),
  ]);
  return [json, html, junit];
}
