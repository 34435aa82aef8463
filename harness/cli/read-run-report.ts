import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunReport } from '../reports/index.ts';
import { UsageError } from './exit-codes.ts';

/**
 * A report.json written by `run` or `merge-reports`, from the file or the folder that holds it.
 * A missing, unreadable or foreign file is a UsageError that names it.
 */
export async function readRunReport(path: string): Promise<RunReport> {
  const file = (await stat(path).catch(() => undefined))?.isDirectory() ? join(path, 'report.json') : path;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give a report folder or report.json written by partner-harness run.`);
  }
  let report: Partial<RunReport>;
  try {
    report = JSON.parse(text) as Partial<RunReport>;
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message}). Give a report.json written by partner-harness run.`);
  }
  if (report?.tool !== 'partner-harness' || !Array.isArray(report.scenarios) || typeof report.totals !== 'object' || report.totals === null) {
    throw new UsageError(`${file}: not a partner-harness report (no tool: partner-harness, scenarios and totals). Give a report.json written by partner-harness run.`);
  }
  if (report.probes !== undefined) report.probes = await checkProbes(file, report.probes);
  return report as RunReport;
}

/** The report's probe profiles (run --profile), checked as the profiles themselves are: the renderers then meet only well-formed ones. */
async function checkProbes(file: string, probes: unknown): Promise<RunReport['probes']> {
  if (!Array.isArray(probes)) throw new UsageError(`${file}: probes: expected a list of partner profiles. Give a report.json written by partner-harness run.`);
  if (probes.length === 0) return probes;
  const { checkProbeProfile } = await import('../probe/load-probe-profile.ts');
  return probes.map((probe, index) => checkProbeProfile(`${file}: probes.${index}`, probe, 'give a report.json written by partner-harness run'));
}
