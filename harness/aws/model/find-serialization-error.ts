import type { ServiceModel } from './service-model.ts';
import type { Shape, ShapeRef } from './shape.ts';

/**
 * AWS deserialises the JSON body into the operation's input types before it validates
 * constraints, so a value of the wrong JSON type fails first, alone, as a SerializationException
 * whose message names no member and quotes no value. Returns that message, or undefined.
 *
 * Wording, by evidence level:
 * - `STRING_VALUE can not be converted to an Integer`: seen in public code quoting AWS.
 * - `class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an
 *   String`, `Start of structure or map found where not expected.`, `Start of list found where
 *   not expected`: widely quoted AWS messages, from recollection (not re-verified here).
 * - the other `<TOKEN> can not be converted to an <Type>` combinations follow the same template
 *   (Coral's fixed "an" included) and are unverified.
 * Fractional numbers for integers are accepted: Coral truncates them (hence TruncatingBigNumber).
 * The walk follows the model (unknown members are skipped), so it is never deeper than the model.
 */
export function findSerializationError(model: ServiceModel, shape: Shape, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const found = jsonKind(value);
  switch (shape.type) {
    case 'structure':
    case 'map':
      if (found !== 'object') return mismatch(found, 'Map');
      return findInEntries(model, shape, value as Record<string, unknown>);
    case 'list': {
      if (found !== 'array') return mismatch(found, 'List');
      const member = model.getShape((shape.member as { shape: string }).shape);
      for (const item of value as unknown[]) {
        const error = findSerializationError(model, member, item);
        if (error) return error;
      }
      return undefined;
    }
    case 'string':
      if (found === 'number') return 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String';
      return found === 'string' ? undefined : mismatch(found, 'String');
    case 'blob':
      return found === 'string' ? undefined : mismatch(found, 'ByteBuffer');
    case 'boolean':
      return found === 'boolean' ? undefined : mismatch(found, 'Boolean');
    case 'timestamp':
      // JSON 1.1 sends epoch seconds; strings are let through since no AWS wording is known for them.
      return found === 'number' || found === 'string' ? undefined : mismatch(found, 'Date');
    default:
      return found === 'number' ? undefined : mismatch(found, TYPE_NAMES[shape.type] ?? 'Number');
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = { integer: 'Integer', long: 'Long', float: 'Float', double: 'Double' };

type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean';

function jsonKind(value: unknown): JsonKind {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value as 'string' | 'number' | 'boolean';
}

function mismatch(found: JsonKind, expected: string): string {
  if (found === 'object') return 'Start of structure or map found where not expected.';
  if (found === 'array') return 'Start of list found where not expected';
  return `${found.toUpperCase()}_VALUE can not be converted to an ${expected}`;
}

function findInEntries(model: ServiceModel, shape: Shape, value: Record<string, unknown>): string | undefined {
  for (const [name, child] of Object.entries(value)) {
    // Member names come from the request: `constructor` or `__proto__` must not find Object.prototype.
    const ref = shape.type === 'map' ? shape.value : memberRef(shape, name);
    if (!ref) continue; // unknown members are ignored by AWS
    const error = findSerializationError(model, model.getShape(ref.shape), child);
    if (error) return error;
  }
  return undefined;
}

function memberRef(shape: Shape, name: string): ShapeRef | undefined {
  return shape.members && Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
}
