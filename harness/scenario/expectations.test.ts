import { describe, expect, it } from 'vitest';
import { checkExpectations, matchString, type Outcome } from './expectations.ts';

const ok: Outcome = {
  response: {
    ConnectorId: 'c-0123456789abcdef0',
    Status: 'OK',
    StatusMessage: 'Connection succeeded',
    SftpConnectionDetails: { HostKey: 'ecdsa-sha2-nistp256 AAAA' },
    Extra: { Nested: { Deep: 1, Other: [1, 2] } },
  },
};
const failed: Outcome = { error: { name: 'ResourceNotFoundException', message: 'Unknown connector', httpStatus: 400 } };

const passed = (results: ReturnType<typeof checkExpectations>) => results.every((r) => r.passed);

describe('matchString', () => {
  it('matches exact strings and regexes, and never a non-string', () => {
    expect(matchString('Connection succeeded', 'Connection succeeded')).toBe(true);
    expect(matchString('Connection succeeded', 'Connection succeeded.')).toBe(false);
    expect(matchString({ matches: '^Unknown Host/Connection failed: .*refused$' }, 'Unknown Host/Connection failed: x was refused')).toBe(true);
    expect(matchString({ matches: '^refused' }, 'was refused')).toBe(false);
    expect(matchString('1', 1)).toBe(false);
    expect(matchString({ matches: '.*' }, undefined)).toBe(false);
  });
});

describe('checkExpectations', () => {
  it('checks status, statusMessage and hostKey, reporting each field', () => {
    const results = checkExpectations(
      { status: 'OK', statusMessage: { matches: 'succeeded$' }, hostKey: 'ecdsa-sha2-nistp256 AAAA' },
      ok,
    );
    expect(results).toEqual([
      { field: 'Status', expected: 'OK', actual: 'OK', passed: true },
      { field: 'StatusMessage', expected: { matches: 'succeeded$' }, actual: 'Connection succeeded', passed: true },
      { field: 'SftpConnectionDetails.HostKey', expected: 'ecdsa-sha2-nistp256 AAAA', actual: 'ecdsa-sha2-nistp256 AAAA', passed: true },
    ]);
  });

  it('evaluates every expectation, so all misses are reported', () => {
    const results = checkExpectations({ status: 'ERROR', statusMessage: 'Connection failed', hostKey: { absent: true } }, ok);
    expect(results.map((r) => [r.field, r.passed])).toEqual([
      ['Status', false],
      ['StatusMessage', false],
      ['SftpConnectionDetails.HostKey', false],
    ]);
    expect(results[2]).toMatchObject({ expected: '(absent)', actual: 'ecdsa-sha2-nistp256 AAAA' });
  });

  it('passes hostKey absent when no host key came back', () => {
    expect(passed(checkExpectations({ hostKey: { absent: true } }, { response: { Status: 'ERROR' } }))).toBe(true);
  });

  it('matches the response deeply and partially, with regex leaves', () => {
    const results = checkExpectations(
      { response: { ConnectorId: { matches: '^c-[0-9a-f]{17}$' }, Extra: { Nested: { Other: [1, 2] } } } },
      ok,
    );
    expect(results).toEqual([
      { field: 'response.ConnectorId', expected: { matches: '^c-[0-9a-f]{17}$' }, actual: ok.response!.ConnectorId, passed: true },
      { field: 'response.Extra.Nested.Other', expected: [1, 2], actual: [1, 2], passed: true },
    ]);
  });

  it('fails a partial match on a wrong value, a missing key or a different array', () => {
    const results = checkExpectations(
      { response: { Extra: { Nested: { Deep: '1', Missing: 'x', Other: [1] } } } },
      ok,
    );
    expect(results.map((r) => [r.field, r.passed])).toEqual([
      ['response.Extra.Nested.Deep', false],
      ['response.Extra.Nested.Missing', false],
      ['response.Extra.Nested.Other', false],
    ]);
  });

  it('fails when an object is expected where the response has a scalar', () => {
    const results = checkExpectations({ response: { Status: { Code: 'OK' } } }, ok);
    expect(results).toEqual([{ field: 'response.Status.Code', expected: 'OK', actual: undefined, passed: false }]);
  });

  it('checks an expected error by name, message and HTTP status', () => {
    const results = checkExpectations(
      { error: { name: 'ResourceNotFoundException', message: { matches: '^Unknown' }, httpStatus: 400 } },
      failed,
    );
    expect(results.map((r) => [r.field, r.passed])).toEqual([
      ['error.name', true],
      ['error.message', true],
      ['error.httpStatus', true],
    ]);
  });

  it('accepts an error expectation given as a bare name', () => {
    expect(checkExpectations({ error: 'ResourceNotFoundException' }, failed)).toEqual([
      { field: 'error.name', expected: 'ResourceNotFoundException', actual: 'ResourceNotFoundException', passed: true },
    ]);
    expect(passed(checkExpectations({ error: 'ValidationException' }, failed))).toBe(false);
  });

  it('reports each mismatching error field', () => {
    const results = checkExpectations({ error: { name: 'ResourceNotFoundException', message: 'Unknown server', httpStatus: 404 } }, failed);
    expect(results.map((r) => [r.field, r.passed])).toEqual([
      ['error.name', true],
      ['error.message', false],
      ['error.httpStatus', false],
    ]);
  });

  it('fails an expected error when the call succeeded', () => {
    const results = checkExpectations({ error: { name: 'ResourceNotFoundException', message: 'Unknown connector' } }, ok);
    expect(results[0]).toEqual({
      field: 'error.name',
      expected: 'ResourceNotFoundException',
      actual: '(no error: the call succeeded)',
      passed: false,
    });
    expect(results[1]).toMatchObject({ field: 'error.message', passed: false });
  });

  it('fails with one entry when a call raised but an answer was expected', () => {
    expect(checkExpectations({ status: 'OK', statusMessage: 'Connection succeeded' }, failed)).toEqual([
      { field: 'error', expected: '(no error)', actual: 'ResourceNotFoundException: Unknown connector', passed: false },
    ]);
  });

  it('never returns an empty result: expecting only success checks that the call did not raise', () => {
    expect(checkExpectations({ response: {} }, ok)).toEqual([{ field: 'error', expected: '(no error)', actual: '(no error)', passed: true }]);
    expect(checkExpectations({ response: {} }, failed)).toEqual([
      { field: 'error', expected: '(no error)', actual: 'ResourceNotFoundException: Unknown connector', passed: false },
    ]);
  });
});
