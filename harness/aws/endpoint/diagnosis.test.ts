import { describe, expect, it } from 'vitest';
import { AwsEndpoint } from '../aws-endpoint.ts';
import { AwsError } from './aws-error.ts';
import { defineOperation } from './define-operation.ts';
import { DIAGNOSIS_HEADER, diagnosisHeaderValue } from './diagnosis.ts';
import { rawRequest } from './testing/raw-http.ts';

const SECRET = 'Diagnosis-Canary-42';

// Operations the model lacks get the request's JSON as sent: enough to exercise the channel.
const diagnosed = defineOperation<{ Password?: string; Fail?: boolean }, Record<string, never>>({
  name: 'DiagnosedOperation',
  handle(input, { scope }) {
    scope.redactor.add(input.Password);
    scope.diagnose('wrong-password', `the partner refused ${input.Password} for user Jürgen`, 'Put the right password in the secret');
    if (input.Fail) throw new AwsError('InvalidRequestException', 'Invalid request');
    return {};
  },
});

async function call(url: string, body: Record<string, unknown>) {
  return rawRequest(url, {
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TransferService.DiagnosedOperation' },
    body: JSON.stringify(body),
  });
}

describe('the diagnosis channel', () => {
  it('travels beside the answer: a header SDKs ignore and the call record, redacted; the body is AWS\'s alone', async () => {
    await using aws = await new AwsEndpoint().withOperations('transfer', diagnosed).start();
    const seen: string[] = [];
    aws.onCall((record) => seen.push(`${record.operation}:${record.diagnosis.map((d) => d.code).join(',')}`));
    for (const fail of [false, true]) {
      const answer = await call(aws.getUrl(), { Password: SECRET, Fail: fail });
      expect(answer.status).toBe(fail ? 400 : 200);
      expect(answer.text).not.toContain('wrong-password');
      expect(answer.text).not.toContain(SECRET);
      const header = String(answer.headers[DIAGNOSIS_HEADER]);
      expect(header).toMatch(/^wrong-password: the partner refused \S+ for user J\\u00fcrgen Fix: Put the right password in the secret$/);
      expect(header).not.toContain(SECRET);
      const record = aws.getCall(String(answer.headers['x-amzn-requestid']))!;
      expect(record.diagnosis).toEqual([{ code: 'wrong-password', text: expect.stringContaining('for user Jürgen'), fix: 'Put the right password in the secret' }]);
      expect(JSON.stringify(record)).not.toContain(SECRET);
    }
    expect(seen).toEqual(['DiagnosedOperation:wrong-password', 'DiagnosedOperation:wrong-password']);
  });

  it('sends no header for an answer without a diagnosis, and bounds a long one', () => {
    expect(diagnosisHeaderValue([])).toBeUndefined();
    const long = diagnosisHeaderValue([{ code: 'x', text: 'y'.repeat(10_000) }])!;
    expect(long.length).toBeLessThanOrEqual(2_000);
    expect(long.endsWith('...')).toBe(true);
  });
});
