import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../run-scenario.ts';
import { ScenarioFailure } from './scenario-failure.ts';

const result = (overrides: Partial<ScenarioResult>): ScenarioResult => ({
  name: 'x',
  mode: 'aws',
  operation: 'transfer:TestConnection',
  passed: false,
  expectations: [],
  fakes: {},
  transcripts: {},
  durationMs: 1,
  ...overrides,
});

describe('ScenarioFailure', () => {
  it('lists each missed expectation, expected against actual', () => {
    const failure = new ScenarioFailure(result({ expectations: [{ field: 'Status', expected: 'OK', actual: 'ERROR', passed: false }, { field: 'x', expected: 1, actual: 1, passed: true }] }));
    expect(failure.code).toBe('SCENARIO_FAILED');
    expect(failure.message).toBe('transfer:TestConnection did not answer as expected:\n  Status: expected "OK", got "ERROR"');
  });

  it('writes control characters in an answer or a setup error as escapes: vitest prints the message to a terminal', () => {
    const evil = 'banner \u001b[2J\u009b31m\u0085\u2028 end';
    const missed = new ScenarioFailure(result({ expectations: [{ field: 'StatusMessage', expected: 'ok', actual: evil, passed: false }] }));
    const setup = new ScenarioFailure(result({ setupError: `partner said ${evil}` }));
    for (const { message } of [missed, setup]) {
      expect(message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      expect(message).toContain('\\u001b[2J\\u009b31m\\u0085\\u2028 end');
    }
  });
});
