import type { CalibrationAnswer } from './calibration-answer.ts';
import type { AnswerComparison } from './compare-answers.ts';
import type { MessageTemplate } from './message-template.ts';

/**
 * What the messages file records for the catalogue entry behind the emulated text: the target's
 * text, and its template with the call's values put back as placeholders. Only when the text is
 * all that differs (response members aside): a different status, exception or HTTP status is
 * another answer, whose text says nothing about this entry.
 */
export function observedText(comparison: AnswerComparison, emulated: CalibrationAnswer, target: CalibrationAnswer, template: MessageTemplate): { text: string; template?: string } | undefined {
  if (comparison.message !== 'different' || emulated.message === undefined || target.message === undefined) return undefined;
  if (!comparison.differences.every((difference) => difference.aspect === 'message' || difference.aspect === 'shape')) return undefined;
  const restored = template.restorePlaceholders(target.message, emulated.message);
  return { text: target.message, ...(restored !== target.message ? { template: restored } : {}) };
}
