import { isDeepStrictEqual } from 'node:util';
import type { Expectations, StringExpectation } from './scenario-schema.ts';

export interface ExpectationResult {
  /** What was checked, e.g. `StatusMessage` or `response.SftpConnectionDetails.HostKey`. */
  field: string;
  expected: unknown;
  actual: unknown;
  passed: boolean;
}

export interface Outcome {
  response?: Record<string, unknown>;
  error?: { name: string; message: string; httpStatus?: number };
}

/** Checks an outcome against `then`. Every expectation is evaluated, so reports show all misses. */
export function checkExpectations(then: Expectations, outcome: Outcome): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  const push: Push = (field, expected, actual, passed) => results.push({ field, expected, actual, passed });

  if (then.error !== undefined) {
    const expected = typeof then.error === 'string' ? { name: then.error } : then.error;
    push('error.name', expected.name, outcome.error?.name ?? '(no error: the call succeeded)', outcome.error?.name === expected.name);
    if (expected.message !== undefined) {
      push('error.message', expected.message, outcome.error?.message, matchString(expected.message, outcome.error?.message));
    }
    if (expected.httpStatus !== undefined) {
      push('error.httpStatus', expected.httpStatus, outcome.error?.httpStatus, expected.httpStatus === outcome.error?.httpStatus);
    }
    return results;
  }
  if (outcome.error) {
    push('error', '(no error)', `${outcome.error.name}: ${outcome.error.message}`, false);
    return results;
  }
  const response = outcome.response ?? {};
  if (then.status !== undefined) push('Status', then.status, response.Status, response.Status === then.status);
  if (then.statusMessage !== undefined) {
    push('StatusMessage', then.statusMessage, response.StatusMessage, matchString(then.statusMessage, response.StatusMessage));
  }
  if (then.hostKey !== undefined) {
    const actual = (response.SftpConnectionDetails as { HostKey?: string } | undefined)?.HostKey;
    if (typeof then.hostKey === 'object' && 'absent' in then.hostKey) push('SftpConnectionDetails.HostKey', '(absent)', actual, actual === undefined);
    else push('SftpConnectionDetails.HostKey', then.hostKey, actual, matchString(then.hostKey, actual));
  }
  if (then.statusCode !== undefined) push('StatusCode', then.statusCode, response.StatusCode, response.StatusCode === then.statusCode);
  if (then.message !== undefined) push('Message', then.message, response.Message, matchString(then.message, response.Message));
  if (then.url !== undefined) push('Url', then.url, response.Url, matchString(then.url, response.Url));
  if (then.responseJson !== undefined) checkResponseJson(then.responseJson, response.Response, push);
  if (then.response !== undefined) collectPartial(then.response, response, 'response', push);
  // `response: {}` expects only that the call succeeds: say so, so no result is ever empty.
  if (results.length === 0) push('error', '(no error)', '(no error)', true);
  return results;
}

type Push = (field: string, expected: unknown, actual: unknown, passed: boolean) => void;

/** TestIdentityProvider's `Response` is a JSON string; assertions look inside it. */
function checkResponseJson(expected: NonNullable<Expectations['responseJson']>, actual: unknown, push: Push): void {
  if ('empty' in expected && expected.empty === true) {
    push('Response', '(empty)', actual, actual === '');
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(actual));
  } catch {
    push('Response', '(a JSON object)', actual, false);
    return;
  }
  collectPartial(expected, parsed, 'Response(json)', push);
}

/**
 * `then.diagnosis` against the diagnoses the emulator recorded beside its answer: one of them must
 * match the code and the text given.
 */
export function checkDiagnosis(expected: NonNullable<Expectations['diagnosis']>, diagnoses: ReadonlyArray<{ code: string; text: string; fix?: string }>): ExpectationResult {
  const found = diagnoses.find((diagnosis) => (expected.code === undefined || diagnosis.code === expected.code) && (expected.text === undefined || matchString(expected.text, diagnosis.text)));
  return { field: 'diagnosis', expected, actual: diagnoses.length > 0 ? diagnoses.map(({ code, text }) => ({ code, text })) : '(no diagnosis)', passed: found !== undefined };
}

export function matchString(expected: StringExpectation, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  return typeof expected === 'string' ? actual === expected : new RegExp(expected.matches).test(actual);
}

/** Deep partial match: every key in `expected` must match; extra keys in `actual` are fine. */
function collectPartial(expected: unknown, actual: unknown, path: string, push: Push): void {
  if (isMatcher(expected)) {
    push(path, expected, actual, matchString(expected, actual));
  } else if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    const object = (actual && typeof actual === 'object' ? actual : {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) collectPartial(value, object[key], `${path}.${key}`, push);
  } else {
    push(path, expected, actual, isDeepStrictEqual(expected, actual));
  }
}

function isMatcher(value: unknown): value is { matches: string } {
  return !!value && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { matches?: unknown }).matches === 'string';
}
