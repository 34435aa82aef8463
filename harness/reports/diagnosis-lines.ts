import { formatDiagnosis } from '../aws/endpoint/diagnosis.ts';
import type { ScenarioReportEntry } from './run-report.ts';

/** The harness's diagnosis of a scenario's answer, one line each: printed beside AWS's answer, never in it. */
export function diagnosisLines(scenario: ScenarioReportEntry): string[] {
  return (scenario.result?.emulator?.diagnosis ?? []).map((diagnosis) => `diagnosis: ${formatDiagnosis(diagnosis)}`);
}
