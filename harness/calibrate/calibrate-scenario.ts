import type { ObservedOverride } from '../catalogue/observed-message.ts';
import { Redactor } from '../redaction/index.ts';
import type { FakeKindRegistry } from '../scenario/fakes/fake-kind-registry.ts';
import type { FakeRuntime } from '../scenario/fakes/runtime-choice.ts';
import { unavailableReason } from '../scenario/fakes/unavailable-reason.ts';
import { runScenario } from '../scenario/run-scenario.ts';
import type { ParsedScenario } from '../scenario/scenario-schema.ts';
import { calibrationAnswer } from './calibration-answer.ts';
import type { CalibrationEntry } from './calibration-report.ts';
import type { CalibrationTarget } from './calibration-target.ts';
import { compareAnswers } from './compare-answers.ts';
import { MessageTemplate } from './message-template.ts';
import { observedText } from './observed-text.ts';

export interface CalibrationRun {
  target: CalibrationTarget;
  runtime: FakeRuntime;
  kinds: FakeKindRegistry;
  /** The config's messages file: the emulated side answers as `run` does. */
  observedMessages: ObservedOverride[];
  /** Catalogue text by id (with the observed texts applied), for the placeholders of an entry. */
  catalogueText: (id: string) => string | undefined;
  now: () => Date;
  /** Asked before each scenario: true stops the run there (Ctrl-C). */
  stop?: () => boolean;
}

export interface ScenarioSource {
  scenario: ParsedScenario;
  /** The scenario file's folder (Lambda modules are relative to it). */
  baseDir: string;
  /** The file as reports name it. */
  shown: string;
}

/**
 * Runs one scenario's call emulated and against the target (each with its own fakes and `given`,
 * the target's deleted afterwards) and compares the two answers. The scenario's secrets mask
 * both runs and everything returned, whatever the target echoes.
 */
export async function calibrateScenario({ scenario, baseDir, shown }: ScenarioSource, run: CalibrationRun): Promise<CalibrationEntry> {
  const base = { file: shown, name: scenario.name, operation: scenario.when.operation, differences: [] };
  const unavailable = unavailableReason(scenario, run.runtime, run.kinds);
  if (unavailable) return { ...base, verdict: 'skipped', reason: unavailable };
  const redactor = new Redactor();
  const common = { baseDir, runtime: run.runtime, kinds: run.kinds, redactor };
  const emulated = await runScenario(scenario, { ...common, mode: 'emulated', observedMessages: run.observedMessages }, shown);
  const target = await runScenario(scenario, { ...common, mode: 'aws', endpointUrl: run.target.endpointUrl, region: run.target.region }, shown);
  const emulatedAnswer = calibrationAnswer(emulated);
  const targetAnswer = calibrationAnswer(target);
  const used = emulated.emulator?.messages.find((message) => message.text === emulatedAnswer.message);
  const templateText = used && (scenario.emulator.messages?.[used.id] ?? run.catalogueText(used.id));
  const template = templateText === undefined ? undefined : new MessageTemplate(templateText);
  const { differences, message } = compareAnswers(emulatedAnswer, targetAnswer, template);
  const entry: CalibrationEntry = {
    ...base,
    verdict: differences.some((d) => d.aspect === 'setup') ? 'error' : differences.length > 0 ? 'different' : 'matched',
    ...(emulated.invalidReference ? { invalid: true, reason: `${emulated.invalidReference.where}: ${emulated.invalidReference.message}` } : {}),
    emulated: { ...emulatedAnswer, ...(used ? { messageId: used.id, provenance: used.provenance } : {}) },
    target: targetAnswer,
    ...(message ? { message } : {}),
    differences,
    ...(target.leftBehind ? { leftBehind: target.leftBehind } : {}),
  };
  const observed = used && template && observedText({ differences, message }, emulatedAnswer, targetAnswer, template);
  if (used && observed) {
    entry.observed = { id: used.id, ...observed, observedAt: run.now().toISOString(), region: run.target.region, scenario: `${shown}#${scenario.name}`, target: run.target.name };
  }
  return redactor.redact(entry);
}
