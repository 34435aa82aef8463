import type { MatcherState } from 'vitest';
import type { MatcherOutcome } from './matcher-outcome.ts';
import { readTestConnectionAnswer } from './test-connection-answer.ts';
import { matchesText, showText, type TextExpectation } from './text-expectation.ts';

/**
 * `expect(answer).toHaveTestConnectionStatus('ERROR', /negotiation/)`: the status of a
 * Transfer or Glue TestConnection answer (for Glue, a failed test is the caught error), or
 * TestIdentityProvider's StatusCode (`toHaveTestConnectionStatus(200)`), and optionally its message.
 */
export function toHaveTestConnectionStatus(this: MatcherState, received: unknown, status: string | number, message?: TextExpectation): MatcherOutcome {
  const hint = this.utils.matcherHint('.toHaveTestConnectionStatus', 'answer', message === undefined ? 'status' : 'status, message', { isNot: this.isNot });
  const answer = readTestConnectionAnswer(received);
  if (!answer) {
    return {
      pass: false,
      message: () =>
        `${hint}\n\nExpected a TestConnection answer: Transfer's (Status, StatusMessage), Glue's (an empty output, or the error a failed test throws) or TestIdentityProvider's (StatusCode, Message).\nReceived: ${this.utils.printReceived(received)}`,
    };
  }
  const statusOk = answer.status === status;
  const messageOk = matchesText(message, answer.message);
  const not = this.isNot ? 'not ' : '';
  const expected = message === undefined ? `${JSON.stringify(status)}` : `${JSON.stringify(status)} with ${answer.messageField} ${showText(message)}`;
  return {
    pass: statusOk && messageOk,
    message: () =>
      [
        hint,
        '',
        `Expected ${not}${answer.statusField} ${expected}, in ${answer.api}`,
        `  ${pad(answer.statusField)} expected ${not}${this.utils.printExpected(status)}, got ${this.utils.printReceived(answer.status)}${statusOk && !this.isNot ? ' ✓' : ''}`,
        ...(message === undefined ? [] : [`  ${pad(answer.messageField)} expected ${not}${this.utils.printExpected(message)}, got ${this.utils.printReceived(answer.message ?? '(none)')}${messageOk && !this.isNot ? ' ✓' : ''}`]),
      ].join('\n'),
  };
}

function pad(field: string): string {
  return `${field}:`.padEnd(14);
}
