import { distance } from 'fastest-levenshtein';

/**
 * The closest known name to a mistyped one, for "did you mean" hints: a case-only difference
 * always wins (`securityPolicyName` → `SecurityPolicyName`), then the one name that contains
 * the typed one, otherwise the nearest name within a third of the typed length, so unrelated
 * names are not suggested.
 */
export function didYouMean(typed: string, known: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const sameLetters = known.find((name) => name.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  // A name typed without its prefix or suffix (`LAMBDA` for `AWS_LAMBDA`).
  const containing = lower.length >= 3 ? known.filter((name) => name.toLowerCase().includes(lower)) : [];
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(typed.length / 3)) + 1;
  for (const name of known) {
    const d = distance(lower, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** ` Did you mean 'X'?` or nothing. */
export function hint(typed: string, known: readonly string[]): string {
  const suggestion = didYouMean(typed, known);
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
}

/** The allowed values, listed whole when short and cut off with a count when long. */
export function listAllowed(known: readonly string[], max = 30): string {
  const shown = known.slice(0, max).join(', ');
  return known.length > max ? `${shown}, … (${known.length - max} more)` : shown;
}
