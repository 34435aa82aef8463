import type { Faker } from '@faker-js/faker';

/**
 * `{{ path }}` references inside scenario strings. A string that is exactly one reference takes
 * the referenced value as it is (a port stays a number, an object stays an object); references
 * inside longer strings are stringified. `{{ faker.internet.password }}` calls faker (seeded
 * per scenario); arguments may follow as JSON: `{{ faker.internet.password({"length": 20}) }}`.
 * `{{ fakes.db.port | string }}` keeps a whole reference as text.
 */

export interface TemplateContext {
  faker: Faker;
  values: Record<string, unknown>;
}

export class TemplateError extends Error {
  readonly code = 'TEMPLATE_REFERENCE';
  constructor(readonly expression: string, readonly where: string, reason: string) {
    super(`${where}: cannot resolve {{ ${expression} }}: ${reason}`);
    this.name = 'TemplateError';
  }
}

export function resolveTemplates<T>(value: T, context: TemplateContext, where: string): T {
  return walk(value, where) as T;

  function walk(node: unknown, path: string): unknown {
    if (typeof node === 'string') return resolveString(node, path);
    if (Array.isArray(node)) return node.map((item, i) => walk(item, `${path}[${i}]`));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, `${path}.${k}`)]));
    }
    return node;
  }

  function resolveString(text: string, path: string): unknown {
    const references = findReferences(text);
    const only = references[0];
    if (references.length === 1 && only!.start === 0 && only!.end === text.length) return evaluate(only!.expression, context, path);
    let out = '';
    let last = 0;
    for (const { start, end, expression } of references) {
      const value = evaluate(expression, context, path);
      out += text.slice(last, start) + (typeof value === 'object' ? JSON.stringify(value) : String(value));
      last = end;
    }
    return out + text.slice(last);
  }
}

/**
 * Finds `{{ … }}` spans. Braces inside the parentheses of a call belong to its JSON arguments,
 * so a `}}` only closes the reference outside parentheses and string literals.
 */
function findReferences(text: string): Array<{ start: number; end: number; expression: string }> {
  const found: Array<{ start: number; end: number; expression: string }> = [];
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

function evaluate(expression: string, context: TemplateContext, where: string): unknown {
  // `| string` turns a number into text where an API wants strings (Glue's PORT property).
  const piped = /^(.*?)\s*\|\s*string$/s.exec(expression);
  if (piped) return String(evaluate(piped[1]!, context, where));
  const call = /^([\w.-]+)\((.*)\)$/s.exec(expression);
  const path = (call ? call[1]! : expression).split('.');
  if (path[0] === 'faker') return callFaker(context.faker, path.slice(1), call?.[2], expression, where);
  let current: unknown = context.values;
  for (const [i, part] of path.entries()) {
    if (current === null || typeof current !== 'object' || !(part in current)) {
      const known = current && typeof current === 'object' ? Object.keys(current).join(', ') : '';
      throw new TemplateError(
        expression,
        where,
        `'${path.slice(0, i + 1).join('.')}' does not exist${known ? ` (known here: ${known})` : ''}`,
      );
    }
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined) throw new TemplateError(expression, where, 'the value is undefined');
  return current;
}

function callFaker(faker: Faker, path: string[], args: string | undefined, expression: string, where: string): unknown {
  let owner: unknown = faker;
  let target: unknown = faker;
  for (const part of path) {
    owner = target;
    target = (target as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof target !== 'function') {
    throw new TemplateError(expression, where, `faker.${path.join('.')} is not a faker function (see fakerjs.dev/api)`);
  }
  let parsedArgs: unknown[] = [];
  if (args?.trim()) {
    try {
      parsedArgs = JSON.parse(`[${args}]`) as unknown[];
    } catch {
      throw new TemplateError(expression, where, 'arguments must be JSON values, e.g. faker.string.alpha(12)');
    }
  }
  return (target as (...a: unknown[]) => unknown).apply(owner, parsedArgs);
}
