// C0 and C1 controls, DEL and the line and paragraph separators: what may move a terminal's
// cursor, clear its screen or recolour it, or break a line where the reader sees none.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * Text from outside (a server's version or error, a provider's answer, an AWS message) made safe
 * for a terminal: control characters are written as JSON escapes (`\u001b`), so a hostile peer
 * cannot drive the terminal, and the reader still sees what was sent. In JSON text the escapes
 * stand for the same characters, so JSON stays the same value.
 */
export function printable(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** printable() for text of several lines: each line made safe, the line breaks between them kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/**
 * A bash/zsh ANSI-C quoted word (`$'…'`) that reads back as `text`, control characters written as
 * escapes: `\x1b` for ASCII, `\u0085` beyond (which bash writes in the locale's encoding, UTF-8).
 */
export function ansiCQuote(text: string): string {
  const escaped = text.replace(/[\\']/g, '\\$&').replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return `$'${escaped}'`;
}
