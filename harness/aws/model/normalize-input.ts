import { setOwn } from '../../redaction/index.ts';
import type { ServiceModel } from './service-model.ts';
import type { Shape } from './shape.ts';
import { isRecord } from '../../../core/values/index.ts';

/**
 * The input as the service's own deserialiser would hand it over: a fresh copy holding only the
 * members the model declares, with every JSON `null` gone. It runs once per call, before
 * validation and before any handler, so no handler ever sees a null, an unknown member, or a
 * member named after an Object.prototype property (`__proto__`, `constructor`).
 *
 * - A `null` member is an absent member: AWS reports a required one as `Value null at ...`.
 * - `null` list items and map values are dropped. That is what every AWS SDK sends: the Smithy
 *   JSON serialiser (`@smithy/core` protocols, JsonShapeSerializer) skips null entries of lists
 *   and maps unless the shape is `@sparse`, and no shape of our models is. The validator already
 *   skipped them, so dropping them changes no message.
 * - Unknown members are dropped: AWS ignores them.
 * - A value of the wrong JSON type is kept as it is, for findSerializationError to report.
 *
 * The walk follows the model, so it is never deeper than the model, whatever the input nests.
 */
export function normalizeInput(model: ServiceModel, operation: string, input: unknown): unknown {
  if (!model.hasOperation(operation)) return input;
  return normalize(model, model.getInputShape(operation), input);
}

function normalize(model: ServiceModel, shape: Shape, value: unknown): unknown {
  if (shape.type === 'structure' && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const child = Object.hasOwn(value, name) ? value[name] : undefined;
      if (child !== null && child !== undefined) setOwn(out, name, normalize(model, model.getShape(ref.shape), child));
    }
    return out;
  }
  if (shape.type === 'list' && Array.isArray(value)) {
    const member = model.getShape(shape.member!.shape);
    return value.filter((item) => item !== null && item !== undefined).map((item) => normalize(model, member, item));
  }
  if (shape.type === 'map' && isRecord(value)) {
    const valueShape = model.getShape(shape.value!.shape);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null && item !== undefined) setOwn(out, key, normalize(model, valueShape, item));
    }
    return out;
  }
  return value;
}

