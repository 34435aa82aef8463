/** What a matcher returns to vitest (its `MatcherResult`, written out so no internal vitest package is named). */
export interface MatcherOutcome {
  pass: boolean;
  message: () => string;
}
