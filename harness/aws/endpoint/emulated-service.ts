import type { EmulatorContext } from '../emulator-context.ts';
import type { MessageEntry } from '../messages/message-catalogue.ts';
import type { ServiceModel, ServiceName } from '../model/service-model.ts';
import type { AnyOperation } from './define-operation.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/**
 * One emulated AWS service: its model (requests are validated against it before any handler
 * runs), its operations, the catalogue entries they answer with, and the state they share. The
 * endpoint takes a list of these; which services the harness emulates is decided above it
 * (emulated-services.ts), and users add their own the same way (`AwsEndpoint.withService`).
 */
export interface EmulatedService<State = unknown> {
  /** Short name used in logs and reports: `transfer`, `secretsmanager`, `glue`. */
  readonly name: string;
  /** A model committed under model/models (loaded when the endpoint starts), or a `ServiceModel` of your own. */
  readonly model: ServiceName | ServiceModel;
  readonly operations: readonly AnyOperation<State>[];
  /** Catalogue entries the operations render; the endpoint's catalogue is every service's entries. */
  readonly messages: readonly MessageEntry[];
  /** The model's name for an internal failure: Glue says InternalServiceException. */
  readonly internalErrorType?: string;
  /** Called once per endpoint start: each started endpoint is a fresh account. */
  createState(context: EmulatorContext): State;
}

interface ServiceDefinition<State> {
  readonly name: string;
  readonly model: ServiceName | ServiceModel;
  readonly operations: readonly AnyOperation<State>[];
  readonly messages?: readonly MessageEntry[];
  readonly internalErrorType?: string;
}

const SERVICE_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Typed identity for a service with state its operations share; checks names at once. */
export function defineService<State>(definition: ServiceDefinition<State> & { createState(context: EmulatorContext): State }): EmulatedService<State>;
/** Typed identity for a service whose operations keep no state. */
export function defineService(definition: ServiceDefinition<void>): EmulatedService<void>;
export function defineService<State>(
  definition: ServiceDefinition<State> & { createState?(context: EmulatorContext): State },
): EmulatedService<State> {
  if (!SERVICE_NAME.test(definition.name)) {
    throw new InvalidOptionError(`Invalid service name ${JSON.stringify(definition.name)}: lower-case letters, digits and dashes, e.g. 'transfer'`);
  }
  const seen = new Set<string>();
  for (const operation of definition.operations) {
    if (seen.has(operation.name)) throw new InvalidOptionError(`Service ${definition.name} registers ${operation.name} twice`);
    seen.add(operation.name);
  }
  const createState = definition.createState ?? (() => undefined as State);
  return { ...definition, messages: definition.messages ?? [], createState };
}
