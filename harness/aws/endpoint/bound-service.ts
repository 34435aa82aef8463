import type { EmulatorContext } from '../emulator-context.ts';
import { ServiceModel } from '../model/service-model.ts';
import type { CallScope } from './call-scope.ts';
import type { EmulatedService } from './emulated-service.ts';

type BoundHandler = (input: unknown, scope: CallScope<string>) => unknown;

/** A service as one started endpoint serves it: its model loaded, its state made, its handlers by name. */
export interface BoundService {
  readonly name: string;
  readonly model: ServiceModel;
  readonly internalErrorType?: string;
  /** A Map, so an operation name from the request (`constructor`, `__proto__`) never finds Object.prototype. */
  readonly operations: ReadonlyMap<string, BoundHandler>;
}

export function bindService(service: EmulatedService, emulator: EmulatorContext): BoundService {
  const model = typeof service.model === 'string' ? ServiceModel.forService(service.model) : service.model;
  const state = service.createState(emulator);
  const operations = new Map<string, BoundHandler>();
  for (const operation of service.operations) {
    // The input was validated against the model; the Operation's type promises the handler no more than that.
    operations.set(operation.name, (input, scope) => operation.handle(input as never, { scope, state, emulator }));
  }
  return { name: service.name, model, internalErrorType: service.internalErrorType, operations };
}
