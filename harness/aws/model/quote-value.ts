/**
 * How a violation quotes the offending value: `'value'`, as Java prints it. AWS's own bound on a
 * quoted value is not known [INF]; a value is cut after MAX_QUOTED_VALUE characters and ends in
 * `...`, so an 8 MB value no longer makes a 33 MB answer.
 */
export const MAX_QUOTED_VALUE = 1024;

/** `'text'`, cut to MAX_QUOTED_VALUE characters (never inside a surrogate pair). */
export function quoteValue(text: string): string {
  if (text.length <= MAX_QUOTED_VALUE) return `'${text}'`;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_QUOTED_VALUE - 1)) ? MAX_QUOTED_VALUE - 1 : MAX_QUOTED_VALUE;
  return `'${text.slice(0, cut)}...'`;
}

/** `items.join(', ')`, stopping once the text is `limit` long: a list is never printed whole to be cut. */
export function joinUpTo(items: readonly unknown[], limit: number): string {
  let text = '';
  for (const [i, item] of items.entries()) {
    text += (i > 0 ? ', ' : '') + String(item);
    if (text.length >= limit) break;
  }
  return text;
}

