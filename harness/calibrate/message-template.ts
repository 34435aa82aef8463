import { PLACEHOLDER } from '../aws/messages/message-catalogue.ts';

/**
 * A catalogue text with `{name}` placeholders as a pattern: what the placeholders were in one
 * rendering of it, whether another text has the same wording, and another text with those
 * values put back as placeholders.
 */
export class MessageTemplate {
  readonly #pattern: RegExp;
  readonly #names: string[] = [];

  constructor(readonly template: string) {
    let source = '';
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      source += escapeRegExp(template.slice(last, match.index));
      const seen = this.#names.indexOf(match[1]!);
      // A placeholder used twice must have the same value both times.
      source += seen >= 0 ? `\\${seen + 1}` : '([\\s\\S]*?)';
      if (seen < 0) this.#names.push(match[1]!);
      last = match.index + match[0].length;
    }
    this.#pattern = new RegExp(`^${source}${escapeRegExp(template.slice(last))}$`);
  }

  /** The placeholders' values in `text`, or undefined when `text` is not this template rendered. */
  valuesIn(text: string): Record<string, string> | undefined {
    const match = this.#pattern.exec(text);
    if (!match) return undefined;
    return Object.fromEntries(this.#names.map((name, i) => [name, match[i + 1]!]));
  }

  /** The same wording as the template: only the placeholders' values differ (ids, ports, ARNs). */
  sameWording(text: string): boolean {
    return this.#pattern.test(text);
  }

  /**
   * `text` with the values of `rendered`'s placeholders turned back into `{name}`, so another
   * call renders its own values; `text` unchanged when none of them appears in it. Values under
   * three characters are left alone: they would match inside unrelated words.
   */
  restorePlaceholders(text: string, rendered: string): string {
    const values = this.valuesIn(rendered) ?? {};
    const byValue = new Map<string, string>();
    for (const [name, value] of Object.entries(values)) if (value.trim().length >= 3 && !byValue.has(value)) byValue.set(value, name);
    if (byValue.size === 0) return text;
    // One pass, longest value first, so a value inside a longer one (or inside a placeholder just put back) is not replaced again.
    const alternatives = [...byValue.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    return text.replace(new RegExp(alternatives.join('|'), 'g'), (value) => `{${byValue.get(value)}}`);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
