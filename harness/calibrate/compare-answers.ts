import type { CalibrationAnswer } from './calibration-answer.ts';
import type { MessageTemplate } from './message-template.ts';

/**
 * How the target's text compares with the emulator's: the same text; the same wording with
 * other values in the placeholders (ids, ports, ARNs, which differ between any two runs); or a
 * different text.
 */
export type TextVerdict = 'equal' | 'same-wording' | 'different';

export interface CalibrationDifference {
  aspect: 'setup' | 'status' | 'message' | 'exception' | 'httpStatus' | 'shape';
  emulated: unknown;
  target: unknown;
}

export interface AnswerComparison {
  differences: CalibrationDifference[];
  /** Absent when neither answer has a text (Glue's `{}` success). */
  message?: TextVerdict;
}

/** Status, text, exception, HTTP status and response shape, each compared on its own. */
export function compareAnswers(emulated: CalibrationAnswer, target: CalibrationAnswer, template: MessageTemplate | undefined): AnswerComparison {
  if (emulated.setupError !== undefined || target.setupError !== undefined) {
    return { differences: [{ aspect: 'setup', emulated: emulated.setupError ?? null, target: target.setupError ?? null }] };
  }
  const differences: CalibrationDifference[] = [];
  for (const aspect of ['status', 'exception', 'httpStatus'] as const) {
    if (emulated[aspect] !== target[aspect]) differences.push({ aspect, emulated: emulated[aspect] ?? null, target: target[aspect] ?? null });
  }
  const message = compareText(emulated.message, target.message, template);
  if (message === 'different') differences.push({ aspect: 'message', emulated: emulated.message ?? null, target: target.message ?? null });
  const onlyEmulated = emulated.shape.filter((path) => !target.shape.includes(path));
  const onlyTarget = target.shape.filter((path) => !emulated.shape.includes(path));
  if (onlyEmulated.length > 0 || onlyTarget.length > 0) differences.push({ aspect: 'shape', emulated: onlyEmulated, target: onlyTarget });
  return { differences, ...(message ? { message } : {}) };
}

function compareText(emulated: string | undefined, target: string | undefined, template: MessageTemplate | undefined): TextVerdict | undefined {
  if (emulated === undefined && target === undefined) return undefined;
  if (emulated === target) return 'equal';
  if (emulated !== undefined && target !== undefined && template?.valuesIn(emulated) && template.sameWording(target)) return 'same-wording';
  return 'different';
}
