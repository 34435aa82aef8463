import { printable } from '../../core/values/index.ts';
import type { CalibrationEntry, CalibrationReport } from './calibration-report.ts';

const MARK: Record<CalibrationEntry['verdict'], string> = { matched: '✓', different: '✗', error: '!', skipped: '-' };

/** One scenario as it ends: its verdict, then each difference with both values. Target texts are made printable. */
export function renderCalibrationEntry(entry: CalibrationEntry): string {
  const lines = [`${MARK[entry.verdict]} ${entry.verdict.padEnd(9)} ${printable(entry.file)} (${printable(entry.name)})`];
  if (entry.reason) lines.push(`    ${printable(entry.reason)}`);
  for (const { aspect, emulated, target } of entry.differences) {
    lines.push(`    ${aspect}: emulated ${show(emulated)}`, `    ${' '.repeat(aspect.length)}  target   ${show(target)}`);
  }
  if (entry.message === 'same-wording') lines.push('    message: the same wording with other values');
  if (entry.observed) lines.push(`    observed: ${entry.observed.id}`);
  for (const left of entry.leftBehind ?? []) lines.push(`    left on the target: ${printable(left)}`);
  return `${lines.join('\n')}\n`;
}

export function renderCalibrationSummary(report: CalibrationReport, written: string[]): string {
  const { matched, different, error, skipped, total, observed } = report.totals;
  return (
    `\n${total} scenario(s) against ${printable(report.target)} (${printable(report.region)}): ${matched} matched, ${different} different, ${error} could not run, ${skipped} skipped; ${observed} text(s) observed\n` +
    written.map((file) => `  ${file}\n`).join('')
  );
}

function show(value: unknown): string {
  return printable(typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value ?? null));
}
