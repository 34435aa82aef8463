import { describe, expect, it } from 'vitest';
import { globMatcher } from './glob-matcher.ts';

describe('globMatcher: EC2 filter values', () => {
  it.each([
    ['vpc-*', 'vpc-0123456789abcdef0', true],
    ['v?c-*', 'vpc-0123', true],
    ['*-prod', 'orders-prod', true],
    ['*-prod', 'orders-prod-2', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['', '', true],
    ['*', '', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['10.0.*.0/24', '10.0.1.0/24', true],
  ])('%j against %j is %s', (pattern, text, expected) => {
    expect(globMatcher(pattern).test(text)).toBe(expected);
  });

  it('answers for a hostile pattern (runs of stars, no match) without backtracking', () => {
    // A regular expression with one `.*` per star backtracks exponentially on this.
    expect(globMatcher(`${'*'.repeat(5_000)}#`).test(`vpc-${'0'.repeat(5_000)}`)).toBe(false);
    expect(globMatcher(`${'*a'.repeat(2_000)}#`).test('a'.repeat(4_000))).toBe(false);
  });
});
