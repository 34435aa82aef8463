import { formatWithOptions } from 'node:util';
import { isSensitiveKey, REDACTED } from '../../redaction/index.ts';

/** A copy of plain objects and arrays with values under sensitive keys masked; safe with cycles. */
export function maskSensitive(value: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (!value || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(maskSensitive(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  // Class instances (Date, Map, Error, streams) print as they are; their secret values, if the
  // caller knows them, are still removed from the text.
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = isSensitiveKey(key) && item !== undefined && item !== null ? REDACTED : maskSensitive(item, seen);
  return copy;
}

/** Console arguments formatted as console.log would (no colours), sensitive values masked first. */
export function formatMasked(args: unknown[]): string {
  return formatWithOptions({ colors: false, depth: 6 }, ...args.map((arg) => maskSensitive(arg)));
}
