import { describe, expect, it } from 'vitest';
import { charDiff, type DiffPart } from './char-diff.ts';

/** Both sides rebuilt from the parts: what the report shows in each column. */
function sides(parts: DiffPart[]): [string, string] {
  return [parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''), parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')];
}

describe('charDiff', () => {
  it('marks only the characters that differ, keeping the common prefix and suffix whole', () => {
    expect(charDiff('Status: OK (port 22)', 'Status: FAILED (port 2222)')).toEqual([
      { kind: 'same', text: 'Status: ' },
      { kind: 'removed', text: 'OK' },
      { kind: 'added', text: 'FAILED' },
      { kind: 'same', text: ' (port ' },
      { kind: 'added', text: '22' },
      { kind: 'same', text: '22)' },
    ]);
  });

  it('finds common words in the middle and shows scattered common letters as one replacement', () => {
    expect(charDiff('Failed to authenticate user alice', 'Failed to connect to user bob')).toEqual([
      { kind: 'same', text: 'Failed to ' },
      { kind: 'removed', text: 'authenticate ' },
      { kind: 'added', text: 'connect to ' },
      { kind: 'same', text: 'user ' },
      { kind: 'removed', text: 'alice' },
      { kind: 'added', text: 'bob' },
    ]);
    expect(charDiff('(no error)', 'InternalServiceException: Internal error')).toEqual([
      { kind: 'removed', text: '(no error)' },
      { kind: 'added', text: 'InternalServiceException: Internal error' },
    ]);
  });

  it('handles equal, empty and one-sided inputs', () => {
    expect(charDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(charDiff('', '')).toEqual([]);
    expect(charDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(charDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });

  it('replaces large middles whole, in bounded time', () => {
    const expected = 'x' + 'ab'.repeat(50_000) + 'y';
    const actual = 'x' + 'ba'.repeat(50_000) + 'y';
    const started = Date.now();
    const parts = charDiff(expected, actual);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(sides(parts)).toEqual([expected, actual]);
  });
});
