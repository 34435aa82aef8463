/** Terminal colours and characters XML 1.0 cannot hold (NUL, most C0 controls, lone surrogates). */
const UNPRINTABLE = /\x1b\[[0-9;]*[A-Za-z]|[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content of an XML element. */
export function xmlText(value: string): string {
  return value.replace(UNPRINTABLE, '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** A double-quoted XML attribute value. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
