import { z } from 'zod';

/**
 * A name the scenario gives something (a var, a key, a fake, a secret alias…). Names are used
 * in `{{ section.NAME.field }}` references, so they cannot hold dots or spaces.
 */
export const scenarioName = z
  .string()
  .regex(/^[A-Za-z0-9][\w-]*$/, 'a name is letters, digits, _ and -, starting with a letter or digit (it is used in {{ … }} references)');

const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * Keys that are properties of Object.prototype (`__proto__`, `constructor`, `toString`…) are
 * refused anywhere in a scenario: a parser or schema may drop them silently (zod's records skip
 * `__proto__`), and a lookup may find the inherited property instead. Returns each one's path.
 */
export function findReservedKeys(value: unknown, at: readonly PropertyKey[] = [], found: PropertyKey[][] = [], depth = 0): PropertyKey[][] {
  if (depth > 100 || value === null || typeof value !== 'object') return found;
  if (Array.isArray(value)) {
    value.forEach((item, i) => findReservedKeys(item, [...at, i], found, depth + 1));
    return found;
  }
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_NAMES.has(key)) found.push([...at, key]);
    else findReservedKeys((value as Record<string, unknown>)[key], [...at, key], found, depth + 1);
  }
  return found;
}
