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
  const push = (field: string, expected: unknown, actual: unknown, passed: boolean) =>
    results.push({ field, expected, actual, passed });

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
  if (then.response !== undefined) collectPartial(then.response, response, 'response', push);
  return results;
}

export function matchString(expected: StringExpectation, actual: unknown): boolean {
  if (typeof actual !== 'string') return false;
  return typeof expected === 'string' ? actual === expected : new RegExp(expected.matches).test(actual);
}

/** Deep partial match: every key in `expected` must match; extra keys in `actual` are fine. */
function collectPartial(
  expected: unknown,
  actual: unknown,
  path: string,
  push: (field: string, expected: unknown, actual: unknown, passed: boolean) => void,
): void {
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
