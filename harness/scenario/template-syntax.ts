/**
 * The syntax of `{{ … }}` references in scenario strings, shared by the resolver (template.ts)
 * and the load-time checks, so both read a reference the same way.
 */
export interface Reference {
  readonly start: number;
  readonly end: number;
  readonly expression: string;
}

export interface ParsedExpression {
  /** `vars.password` → ['vars', 'password']. */
  readonly path: string[];
  /** The JSON argument text of a call (`faker.internet.password({"length": 20})`), if any. */
  readonly args?: string;
  /** `| string`: the value is turned into text. */
  readonly asString: boolean;
}

/**
 * Finds `{{ … }}` spans. Braces inside the parentheses of a call belong to its JSON arguments,
 * so a `}}` only closes the reference outside parentheses and string literals. One pass over
 * the text: linear in its length.
 */
export function findReferences(text: string): Reference[] {
  const found: Reference[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return found;
    let depth = 0;
    let quoted = false;
    let end = -1;
    for (let i = start + 2; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '\\') i++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (depth === 0 && c === '}' && text[i + 1] === '}') {
        end = i + 2;
        break;
      }
    }
    if (end < 0) return found;
    found.push({ start, end, expression: text.slice(start + 2, end - 2).trim() });
    from = end;
  }
}

export function hasReference(text: string): boolean {
  return findReferences(text).length > 0;
}

/** A string that is exactly one reference takes the referenced value's type. */
export function isWholeReference(text: string): boolean {
  const references = findReferences(text);
  return references.length === 1 && references[0]!.start === 0 && references[0]!.end === text.length;
}

export function parseExpression(expression: string): ParsedExpression {
  const piped = /^(.*?)\s*\|\s*string$/s.exec(expression);
  const body = piped ? piped[1]! : expression;
  const call = /^([\w.-]+)\((.*)\)$/s.exec(body);
  return { path: (call ? call[1]! : body).split('.'), args: call?.[2], asString: piped !== null };
}
