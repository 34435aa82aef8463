/**
 * The harness's explanation of an answer: what it saw, why the call fails, what to change. It
 * travels beside AWS's answer (the call record, reports, the terminal, `serve`, a response header
 * SDKs ignore), never inside it: the answer carries only AWS's words.
 */
export interface Diagnosis {
  /** Stable, for scenarios and tools to match on, e.g. `home-directory-details-not-string`. */
  code: string;
  /** What was seen and why it fails. */
  text: string;
  /** What to change. */
  fix?: string;
}

/** The header `serve` users read the diagnosis from; SDKs and the AWS CLI ignore it. */
export const DIAGNOSIS_HEADER = 'x-partner-harness-diagnosis';

/** Header values are bytes, conventionally ASCII: longer diagnoses are cut, the rest is in the call record. */
const MAX_HEADER_CHARS = 2_000;

/** One line, ASCII only (other characters as \uXXXX, as JSON escapes them), bounded. */
export function diagnosisHeaderValue(diagnoses: readonly Diagnosis[]): string | undefined {
  if (diagnoses.length === 0) return undefined;
  const line = diagnoses.map(formatDiagnosis).join(' | ');
  // eslint-disable-next-line no-control-regex
  const ascii = line.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return ascii.length > MAX_HEADER_CHARS ? `${ascii.slice(0, MAX_HEADER_CHARS - 3)}...` : ascii;
}

/** `code: text Fix: fix`, as the terminal and the header show it. */
export function formatDiagnosis({ code, text, fix }: Diagnosis): string {
  return `${code}: ${text}${fix ? ` Fix: ${fix}` : ''}`;
}
