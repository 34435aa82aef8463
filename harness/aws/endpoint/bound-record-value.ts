import { setOwn } from '../../redaction/index.ts';

/**
 * A copy of an (already redacted) value that keeps at most `budget` characters: strings count
 * their length, keys theirs plus one. Past the budget, strings are cut and end in
 * `…[N more characters]`, lists end in `…[N more items]` and objects in a `…` member, so a call
 * record stays small however large the request or answer was.
 */
export function boundRecordValue(value: unknown, budget: number): unknown {
  return new Bounder(budget).copy(value, 0);
}

/** Redacted values are at most 256 levels deep; this guards the stack if a caller passes another. */
const MAX_DEPTH = 300;

class Bounder {
  constructor(private left: number) {}

  copy(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.string(value);
    if (value === null || typeof value !== 'object') {
      this.left -= 1;
      return value;
    }
    if (depth >= MAX_DEPTH) return '…[nested deeper]';
    return Array.isArray(value) ? this.list(value, depth) : this.object(value as Record<string, unknown>, depth);
  }

  private string(text: string): string {
    const kept = Math.max(this.left, 0);
    this.left -= text.length;
    return text.length <= kept ? text : `${text.slice(0, kept)}…[${text.length - kept} more characters]`;
  }

  private list(items: readonly unknown[], depth: number): unknown[] {
    const out: unknown[] = [];
    for (const item of items) {
      if (this.left <= 0) {
        out.push(`…[${items.length - out.length} more items]`);
        break;
      }
      this.left -= 1;
      out.push(this.copy(item, depth + 1));
    }
    return out;
  }

  private object(entries: Record<string, unknown>, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(entries);
    for (const [index, key] of keys.entries()) {
      if (this.left <= 0) {
        out['…'] = `${keys.length - index} more members`;
        break;
      }
      this.left -= key.length + 1;
      setOwn(out, key, this.copy(entries[key], depth + 1));
    }
    return out;
  }
}
