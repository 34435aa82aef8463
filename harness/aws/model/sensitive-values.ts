import type { ServiceModel } from './service-model.ts';
import type { Shape } from './shape.ts';

/**
 * Every string in an input that the service model marks `sensitive` (a client secret, an
 * authorization code, a JWT), so call records can mask values whose member names say nothing.
 * The walk follows the model, so it is never deeper than the model, whatever the input nests.
 */
export function sensitiveValues(model: ServiceModel, operation: string, input: unknown): string[] {
  if (!model.hasOperation(operation)) return [];
  const found: string[] = [];
  walk(model, model.getInputShape(operation), input, false, found);
  return found;
}

function walk(model: ServiceModel, shape: Shape | undefined, value: unknown, sensitive: boolean, found: string[]): void {
  if (!shape || value === null || value === undefined) return;
  const hidden = sensitive || shape.sensitive === true;
  if (typeof value === 'string') {
    if (hidden) found.push(value);
    return;
  }
  if (shape.type === 'structure' && typeof value === 'object') {
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      if (Object.hasOwn(value, name)) walk(model, model.getShape(ref.shape), (value as Record<string, unknown>)[name], hidden, found);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    for (const item of value) walk(model, model.getShape(shape.member!.shape), item, hidden, found);
  } else if (shape.type === 'map' && typeof value === 'object') {
    for (const item of Object.values(value as Record<string, unknown>)) walk(model, model.getShape(shape.value!.shape), item, hidden, found);
  }
}
