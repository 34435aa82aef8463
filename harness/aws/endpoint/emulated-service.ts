import type { ServiceModel } from '../model/service-model.ts';
import type { EmulatorContext } from '../emulator-context.ts';
import type { CallScope } from './call-scope.ts';

export type OperationHandler = (input: any, scope: CallScope) => Promise<unknown> | unknown;

/** One emulated AWS service: its model (for validation) and a handler per operation. */
export interface EmulatedService {
  /** Short name used in logs and reports: `transfer`, `secretsmanager`, `glue`. */
  readonly name: string;
  readonly model: ServiceModel;
  readonly operations: Record<string, OperationHandler>;
  /** The model's name for an internal failure: Glue says InternalServiceException. */
  readonly internalErrorType?: string;
}

export type ServiceFactory = (context: EmulatorContext) => EmulatedService;
