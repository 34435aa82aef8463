import type { ObservedMessages } from '../catalogue/observed-message.ts';
import { calibrateScenario, type CalibrationRun, type ScenarioSource } from './calibrate-scenario.ts';
import { calibrationTotals, type CalibrationEntry, type CalibrationReport } from './calibration-report.ts';

/** Calibrates the scenarios one after the other (each starts its own fakes twice), reporting each as it ends; `run.stop` ends it early. */
export async function calibrateScenarios(sources: readonly ScenarioSource[], run: CalibrationRun, onEntry: (entry: CalibrationEntry) => void = () => undefined): Promise<CalibrationReport> {
  const started = run.now();
  const scenarios: CalibrationEntry[] = [];
  for (const source of sources) {
    if (run.stop?.()) break;
    const entry = await calibrateScenario(source, run);
    scenarios.push(entry);
    onEntry(entry);
  }
  return {
    tool: 'partner-harness',
    report: 'calibration',
    target: run.target.name,
    region: run.target.region,
    startedAt: started.toISOString(),
    durationMs: run.now().getTime() - started.getTime(),
    totals: calibrationTotals(scenarios),
    scenarios,
  };
}

/** messages.observed.json: each observed text by catalogue id; the first scenario to observe an id keeps it. */
export function observedMessagesOf(report: CalibrationReport): ObservedMessages {
  const messages: ObservedMessages = {};
  for (const { observed } of report.scenarios) {
    if (!observed || Object.hasOwn(messages, observed.id)) continue;
    const { id, ...entry } = observed;
    messages[id] = entry;
  }
  return messages;
}
