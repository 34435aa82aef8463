// A test helper: checks a value against a JSON Schema (the draft-7 keywords z.toJSONSchema writes).
export type JsonSchema = Record<string, unknown> & { $ref?: string };

/**
 * The JSON Schema keywords z.toJSONSchema writes for the scenario schema, checked the way an
 * editor's validator does (no new dependency for it). Returns the problems, empty when valid.
 */
export function checkJsonSchema(schema: JsonSchema, value: unknown, at: string, root: JsonSchema = schema): string[] {
  const where = at || '(root)';
  const s = schema.$ref ? resolveRef(root, schema.$ref) : schema;
  const problems: string[] = [];
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((type) => isType(value, String(type)))) return [`${where}: expected ${String(s.type)}`];
  if ('const' in s && value !== s.const) problems.push(`${where}: expected ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) problems.push(`${where}: not one of ${s.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) problems.push(`${where}: does not match ${s.pattern}`);
    if (typeof s.minLength === 'number' && value.length < s.minLength) problems.push(`${where}: shorter than ${s.minLength}`);
  }
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${where}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${where}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) problems.push(`${where}: not above ${s.exclusiveMinimum}`);
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = s[keyword] as JsonSchema[] | undefined;
    if (!options) continue;
    const passing = options.filter((option) => checkJsonSchema(option, value, at, root).length === 0).length;
    if (passing === 0 || (keyword === 'oneOf' && passing > 1)) problems.push(`${where}: matches ${passing === 0 ? 'none' : passing} of the ${keyword} forms`);
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) problems.push(`${where}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((item, i) => problems.push(...checkJsonSchema(s.items as JsonSchema, item, `${at}[${i}]`, root)));
  } else if (isType(value, 'object')) {
    const object = value as Record<string, unknown>;
    const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of (s.required ?? []) as string[]) if (!(key in object)) problems.push(`${where}: missing ${key}`);
    for (const [key, item] of Object.entries(object)) {
      const path = at ? `${at}.${key}` : key;
      if (s.propertyNames) problems.push(...checkJsonSchema(s.propertyNames as JsonSchema, key, `${path} (name)`, root));
      if (properties[key]) problems.push(...checkJsonSchema(properties[key]!, item, path, root));
      else if (s.additionalProperties === false) problems.push(`${where}: unknown field ${key}`);
      else if (typeof s.additionalProperties === 'object') problems.push(...checkJsonSchema(s.additionalProperties as JsonSchema, item, path, root));
    }
  }
  return problems;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce<JsonSchema>((node, part) => node[part] as JsonSchema, root);
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

