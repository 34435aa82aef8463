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
  if (a.length * b.length <= MAX_CELLS) for (const part of lcsDiff(a, b)) push(parts, part.kind, part.text);
  else push(parts, 'removed', a), push(parts, 'added', b);
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

/** Appends text, joining it to the last part when that is of the same kind. */
function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
