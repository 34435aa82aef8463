export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Past this many cells (middle of `expected` × middle of `actual`) the middle is shown as replaced whole. */
const MAX_CELLS = 1_000_000;

/**
 * A character-level diff of `expected` into `actual`: the common prefix and suffix, and between
 * them a longest-common-subsequence diff when the middles are small enough (O(n·m) time and
 * memory, capped at MAX_CELLS), else the middles as one removal and one addition. Bounded on
 * every input, so a hostile message cannot stall the report.
 */
export function charDiff(expected: string, actual: string): DiffPart[] {
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) start++;
  let end = 0;
  while (end < expected.length - start && end < actual.length - start && expected[expected.length - 1 - end] === actual[actual.length - 1 - end]) end++;
  const a = expected.slice(start, expected.length - end);
  const b = actual.slice(start, actual.length - end);
  const parts: DiffPart[] = [];
  push(parts, 'same', expected.slice(0, start));
  const middle = a.length * b.length <= MAX_CELLS ? lcsDiff(a, b) : [];
  for (const part of dissolveScraps(middle, a, b)) push(parts, part.kind, part.text);
  push(parts, 'same', expected.slice(expected.length - end));
  return parts;
}

function lcsDiff(a: string, b: string): DiffPart[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the LCS of a[i..] and b[j..], row-major with rows of m + 1.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? lengths[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) push(parts, 'same', a[i++]!), j++;
    else if (lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!) push(parts, 'removed', a[i++]!);
    else push(parts, 'added', b[j++]!);
  }
  push(parts, 'removed', a.slice(i));
  push(parts, 'added', b.slice(j));
  return parts;
}

/** Common runs shorter than this, between changes, are shown as changed: a scattered letter in common is noise. */
const MIN_COMMON = 3;

/**
 * Turns short common runs into change, then orders each stretch of change as one removal and one
 * addition, so "(no error)" against a long message reads as one replacement, not letters matched
 * at random. Without an LCS (too large), the middles are one replacement.
 */
function dissolveScraps(diff: DiffPart[], a: string, b: string): DiffPart[] {
  if (diff.length === 0) return [{ kind: 'removed', text: a }, { kind: 'added', text: b }].filter((p) => p.text !== '') as DiffPart[];
  const parts: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => (push(parts, 'removed', removed), push(parts, 'added', added), (removed = added = ''));
  for (const part of diff) {
    if (part.kind === 'same' && part.text.length >= MIN_COMMON) flush(), push(parts, 'same', part.text);
    else if (part.kind === 'same') (removed += part.text), (added += part.text);
    else if (part.kind === 'removed') removed += part.text;
    else added += part.text;
  }
  flush();
  return parts;
}

/** Appends text, joining it to the last part when that is of the same kind. */
function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
