import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPath } from '../../core/errors/index.ts';
import type { RunReport } from '../reports/index.ts';
import { UsageError } from './exit-codes.ts';

/** Far beyond 1,000 scenarios with their transcripts; a guard against a file that is not a report. */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;
/** The field problems a refused report lists; the rest are counted. */
const ISSUES_SHOWN = 5;

/**
 * A report.json written by `run` or `merge-reports`, from the file or the folder that holds it.
 * A missing, unreadable, oversized or foreign file, or a field of the wrong type, is a UsageError
 * that names the file and the field: the renderers then meet only well-formed reports.
 */
export async function readRunReport(path: string): Promise<RunReport> {
  const file = (await stat(path).catch(() => undefined))?.isDirectory() ? join(path, 'report.json') : path;
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_REPORT_BYTES) throw new UsageError(`${file}: ${size} bytes, over the ${MAX_REPORT_BYTES} a report may have. Give a report.json written by partner-harness run.`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
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
  const { runReportSchema } = await import('../reports/run-report-schema.ts');
  const parsed = runReportSchema.safeParse(report);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, ISSUES_SHOWN).map((issue) => `  - ${formatPath(issue.path) || '(report)'}: ${issue.message}`);
    if (issues.length > ISSUES_SHOWN) shown.push(`  - and ${issues.length - ISSUES_SHOWN} more`);
    throw new UsageError(`${file}: not a report this partner-harness can read:\n${shown.join('\n')}\nGive a report.json written by partner-harness run (of this version).`);
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
