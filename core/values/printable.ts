/**
 * Text from outside (a server's version or error, a provider's answer, an AWS message) made safe
 * for a terminal: control characters, line and paragraph separators included, are written as JSON
 * escapes (`\u001b`), so a hostile peer cannot move the cursor, clear the screen or recolour what
 * is printed, and the reader still sees what was sent.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** printable() for text of several lines: each line made safe, the line breaks between them kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
