import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../scenario/run-scenario.ts';
import { calibrationAnswer, type CalibrationAnswer } from './calibration-answer.ts';
import { compareAnswers } from './compare-answers.ts';
import { MessageTemplate } from './message-template.ts';
import { observedText } from './observed-text.ts';

const result = (fields: Partial<ScenarioResult>): ScenarioResult => ({ name: 'n', mode: 'emulated', operation: 'transfer:TestConnection', passed: true, expectations: [], fakes: {}, transcripts: {}, durationMs: 1, ...fields });
const template = new MessageTemplate('Authentication failed for user {username} (tried: {methods})');
const answer = (fields: Partial<CalibrationAnswer>): CalibrationAnswer => ({ status: 'ERROR', message: 'Authentication failed for user alice (tried: password)', httpStatus: 200, shape: ['ConnectorId', 'Status', 'StatusMessage'], ...fields });

describe('calibrationAnswer', () => {
  it('reads Status, StatusMessage or Message, the HTTP status and the member names of a response', () => {
    const ok = calibrationAnswer(result({ response: { ConnectorId: 'c-1', Status: 'OK', StatusMessage: 'Connection succeeded', SftpConnectionDetails: { HostKey: 'k' } }, httpStatus: 200 }));
    expect(ok).toEqual({ status: 'OK', message: 'Connection succeeded', exception: undefined, httpStatus: 200, shape: ['ConnectorId', 'SftpConnectionDetails', 'SftpConnectionDetails.HostKey', 'Status', 'StatusMessage'] });
    expect(calibrationAnswer(result({ response: { Message: '', StatusCode: 200, Items: [{ A: 1 }, { B: 2 }] }, httpStatus: 200 }))).toMatchObject({ message: '', shape: ['Items', 'Items[].A', 'Items[].B', 'Message', 'StatusCode'] });
  });

  it('reads an exception’s name, message and HTTP status, and a run that could not make the call', () => {
    expect(calibrationAnswer(result({ error: { name: 'InvalidInputException', message: 'no', httpStatus: 400 } }))).toEqual({ status: undefined, message: 'no', exception: 'InvalidInputException', httpStatus: 400, shape: [] });
    expect(calibrationAnswer(result({ setupError: 'given.connectors.acme: transfer:CreateConnector failed' }))).toEqual({ shape: [], setupError: 'given.connectors.acme: transfer:CreateConnector failed' });
  });
});

describe('compareAnswers and observedText', () => {
  it('finds nothing when the answers agree, and takes the same wording with other values as agreeing', () => {
    expect(compareAnswers(answer({}), answer({}), template)).toEqual({ differences: [], message: 'equal' });
    expect(compareAnswers(answer({}), answer({ message: 'Authentication failed for user bob (tried: publickey)' }), template)).toEqual({ differences: [], message: 'same-wording' });
    expect(compareAnswers(answer({ message: undefined }), answer({ message: undefined }), undefined)).toEqual({ differences: [] });
  });

  it('names each aspect that differs with both values; only a text that alone differs is observed', () => {
    const worded = answer({ message: 'Login refused for alice', shape: ['ConnectorId', 'Status', 'StatusMessage', 'Extra'] });
    const comparison = compareAnswers(answer({}), worded, template);
    expect(comparison).toEqual({
      message: 'different',
      differences: [
        { aspect: 'message', emulated: 'Authentication failed for user alice (tried: password)', target: 'Login refused for alice' },
        { aspect: 'shape', emulated: [], target: ['Extra'] },
      ],
    });
    expect(observedText(comparison, answer({}), worded, template)).toEqual({ text: 'Login refused for alice', template: 'Login refused for {username}' });

    const otherAnswer = answer({ status: 'OK', message: 'Connection succeeded' });
    const changed = compareAnswers(answer({}), otherAnswer, template);
    expect(changed.differences.map((d) => d.aspect)).toEqual(['status', 'message']);
    expect(observedText(changed, answer({}), otherAnswer, template)).toBeUndefined();
    const exception = answer({ status: undefined, exception: 'AccessDeniedException', httpStatus: 400, message: 'denied', shape: [] });
    expect(compareAnswers(answer({}), exception, template).differences.map((d) => d.aspect)).toEqual(['status', 'exception', 'httpStatus', 'message', 'shape']);
  });

  it('reports a run that could not make the call as that, not as a list of differences', () => {
    expect(compareAnswers(answer({}), { shape: [], setupError: 'refused' }, template)).toEqual({ differences: [{ aspect: 'setup', emulated: null, target: 'refused' }] });
  });
});
