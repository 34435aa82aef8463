import { describe, expect, it } from 'vitest';
import { PartnerHarnessError } from './partner-harness-error.ts';

class SampleError extends PartnerHarnessError {}

describe('PartnerHarnessError', () => {
  it('carries a stable code, the fix apart and in the message, and the subclass name', () => {
    const cause = new Error('root cause');
    const error = new SampleError('SAMPLE_CODE', 'the port is taken', { fix: 'Pass --port 0 to let the OS choose', cause });
    expect(error).toBeInstanceOf(PartnerHarnessError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'SampleError', code: 'SAMPLE_CODE', fix: 'Pass --port 0 to let the OS choose', cause });
    expect(error.message).toBe('the port is taken. Pass --port 0 to let the OS choose');
  });

  it('keeps a message that already says its fix unchanged', () => {
    const error = new PartnerHarnessError('OTHER', 'withUser: name must not be empty; give the login name');
    expect(error.message).toBe('withUser: name must not be empty; give the login name');
    expect(error.fix).toBeUndefined();
  });
});
