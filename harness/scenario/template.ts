import type { Faker } from '@faker-js/faker';

/**
 * `{{ path }}` references inside scenario strings. A string that is exactly one reference takes
 * the referenced value as it is (a port stays a number, an object stays an object); references
 * inside longer strings are stringified. `{{ faker.internet.password }}` calls faker (seeded
 * per scenario); arguments may follow as JSON: `{{ faker.string.alpha(12) }}`.
 */
const REFERENCE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]+?)\s*\}\}$/;

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
    const whole = WHOLE.exec(text);
    if (whole) return evaluate(whole[1]!, context, path);
    return text.replace(REFERENCE, (_m, expression: string) => {
      const value = evaluate(expression, context, path);
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    });
  }
}

function evaluate(expression: string, context: TemplateContext, where: string): unknown {
  const call = /^([\w.-]+)\((.*)\)$/.exec(expression);
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
