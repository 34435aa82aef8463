/** A message expectation: the exact text, or a pattern it must match. */
export type TextExpectation = string | RegExp;

export function matchesText(expected: TextExpectation | undefined, actual: unknown): boolean {
  if (expected === undefined) return true;
  if (typeof actual !== 'string') return false;
  return typeof expected === 'string' ? actual === expected : expected.test(actual);
}

/** `"Connection succeeded"` or `/negotiation/` as written in the test. */
export function showText(expected: TextExpectation): string {
  return typeof expected === 'string' ? JSON.stringify(expected) : String(expected);
}
