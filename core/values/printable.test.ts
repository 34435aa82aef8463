import { describe, expect, it } from 'vitest';
import { printable } from './printable.ts';

describe('printable', () => {
  it('writes C0 and C1 controls, DEL and the line separators as JSON escapes', () => {
    expect(printable('a\u0000b\tc\nd\re\u001b[31mf\u007fg\u0085h\u009bi\u2028j\u2029k')).toBe(
      'a\\u0000b\\u0009c\\u000ad\\u000de\\u001b[31mf\\u007fg\\u0085h\\u009bi\\u2028j\\u2029k',
    );
  });

  it('leaves other text as it is, non-Latin letters and emoji included', () => {
    const text = 'Connection succeeded — Grüße, 接続 🔑 \\u001b (already escaped)';
    expect(printable(text)).toBe(text);
  });
});
