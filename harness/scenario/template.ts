import type { Faker } from '@faker-js/faker';
import { PartnerHarnessError } from '../../core/errors/index.ts';
import { fakerFunction } from './faker-function.ts';
import { findReferences, parseExpression } from './template-syntax.ts';

/**
 * `{{ path }}` references inside scenario strings. A string that is exactly one reference takes
 * the referenced value as it is (a port stays a number, an object stays an object); references
 * inside longer strings are stringified. `{{ faker.internet.password }}` calls faker (seeded
 * per scenario); arguments may follow as JSON: `{{ faker.internet.password({"length": 20}) }}`.
 * `{{ fakes.db.port | string }}` keeps a whole reference as text. Paths walk own properties
 * only, so nothing reachable through a prototype (`constructor`, `__proto__`) resolves.
 */

export interface TemplateContext {
  faker: Faker;
  values: Record<string, unknown>;
}

/** A `{{ reference }}` in a scenario that does not resolve: where it is, the expression and why. */
export class TemplateError extends PartnerHarnessError {
  declare readonly code: 'TEMPLATE_REFERENCE';
  constructor(readonly expression: string, readonly where: string, reason: string) {
    super('TEMPLATE_REFERENCE', `${where}: cannot resolve {{ ${expression} }}: ${reason}`);
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

function evaluate(expression: string, context: TemplateContext, where: string): unknown {
  const { path, args, asString } = parseExpression(expression);
  // `| string` turns a number into text where an API wants strings (Glue's PORT property).
  const value = path[0] === 'faker' ? callFaker(context.faker, path.slice(1), args, expression, where) : lookUp(path, args, context, expression, where);
  return asString ? String(value) : value;
}

function lookUp(path: string[], args: string | undefined, context: TemplateContext, expression: string, where: string): unknown {
  if (args !== undefined) throw new TemplateError(expression, where, 'only faker functions can be called, e.g. faker.internet.password()');
  let current: unknown = context.values;
  for (const [i, part] of path.entries()) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
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
  const found = fakerFunction(faker, path);
  if ('reason' in found) throw new TemplateError(expression, where, found.reason);
  let parsedArgs: unknown[] = [];
  if (args?.trim()) {
    try {
      parsedArgs = JSON.parse(`[${args}]`) as unknown[];
    } catch {
      throw new TemplateError(expression, where, 'arguments must be JSON values, e.g. faker.string.alpha(12)');
    }
  }
  return found.call(...parsedArgs);
}
