import type { ObservedMessage } from '../catalogue/observed-message.ts';
import type { CalibrationAnswer } from './calibration-answer.ts';
import type { CalibrationDifference, TextVerdict } from './compare-answers.ts';

/**
 * matched: the target answered as the emulator did (texts equal or the same wording);
 * different: at least one aspect differs (`differences` says which); error: one side could not
 * make the call; skipped: the scenario cannot run here (a runtime this machine lacks).
 */
export type CalibrationVerdict = 'matched' | 'different' | 'error' | 'skipped';

export interface CalibrationEntry {
  file: string;
  name: string;
  operation: string;
  verdict: CalibrationVerdict;
  /** Why it was skipped, or what failed. */
  reason?: string;
  /** The scenario file's own mistake (a reference that resolves to nothing): bad input, exit 2. */
  invalid?: boolean;
  /** The emulator's answer, with the catalogue entry its text came from. */
  emulated?: CalibrationAnswer & { messageId?: string; provenance?: string };
  target?: CalibrationAnswer;
  message?: TextVerdict;
  differences: CalibrationDifference[];
  /** The text recorded in the messages file for `id`: only the text differed, and a catalogue entry made it. */
  observed?: ObservedMessage & { id: string };
  /** Resources created on the target that could not be deleted, with how to delete them. */
  leftBehind?: string[];
}

/** calibration.json: one calibration run, redacted. */
export interface CalibrationReport {
  tool: 'partner-harness';
  report: 'calibration';
  /** `aws`, or the endpoint URL. */
  target: string;
  region: string;
  startedAt: string;
  durationMs: number;
  totals: Record<CalibrationVerdict, number> & { total: number; observed: number };
  scenarios: CalibrationEntry[];
}

export function calibrationTotals(entries: readonly CalibrationEntry[]): CalibrationReport['totals'] {
  const totals = { matched: 0, different: 0, error: 0, skipped: 0, total: entries.length, observed: 0 };
  for (const entry of entries) {
    totals[entry.verdict]++;
    if (entry.observed) totals.observed++;
  }
  return totals;
}
