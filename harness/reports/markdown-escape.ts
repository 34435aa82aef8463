/**
 * Text for one cell of a GitHub-flavoured Markdown table, or a line of prose: nothing in it can
 * end the cell (`|`, a line break), open markup (HTML, links, emphasis, code spans) or run on
 * for pages. GitHub renders the escapes and entities back to the characters written. Control
 * characters are escaped for the whole summary, in renderMarkdown.
 */
export function markdownEscape(text: string, maxLength = 300): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return cut
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/[\\`*_[\]|~#!]/g, '\\$&')
    .replace(/\r?\n/g, '<br>');
}
