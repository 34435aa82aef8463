import type { EmulatorContext } from '../emulator-context.ts';
import type { MessageId } from '../messages/all-messages.ts';
import type { CallScope } from './call-scope.ts';
import type { WireInput, WireOutput } from './wire-shape.ts';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/** What a handler has besides its input. */
export interface OperationContext<State = void, Id extends string = MessageId> {
  /** This call: region, account, catalogue messages (recorded with provenance), transcript notes, redaction. */
  readonly scope: CallScope<Id>;
  /** The service's state for this endpoint, made by its `createState()` when the endpoint starts. */
  readonly state: State;
  /** What every service of the endpoint shares: options, Secrets Manager's secrets, Lambda functions. */
  readonly emulator: EmulatorContext;
}

/**
 * One emulated AWS operation, typed by the SDK's command types:
 * `Operation<TestConnectionCommandInput, TestConnectionCommandOutput>`. The endpoint hands
 * `handle` an input already validated against the service model (bad input is answered exactly
 * as AWS answers it before any handler runs; that is what the input type relies on, so the
 * operation belongs in the model: `npm run extract-models` for the built-in services). What
 * `handle` returns is the answer, and an `AwsError` it throws is answered as AWS's exception.
 */
export interface Operation<Input extends object = object, Output extends object = object, State = void, Id extends string = MessageId> {
  /** The operation's name in the model and in `X-Amz-Target`, e.g. `TestConnection`. */
  readonly name: string;
  handle(input: WireInput<Input>, context: OperationContext<State, Id>): Promise<WireOutput<Output>> | WireOutput<Output>;
}

/** Any operation, as a service holds them (its input and output types no longer matter there). */
export type AnyOperation<State = unknown> = Operation<object, object, State, string>;

const OPERATION_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * Typed identity for an operation; checks the name at once.
 *
 * ```ts
 * export const testConnection = defineOperation<TestConnectionCommandInput, TestConnectionCommandOutput, TransferState>({
 *   name: 'TestConnection',
 *   async handle(input, { scope, state }) { ... },
 * });
 * ```
 */
export function defineOperation<Input extends object, Output extends object, State = void, Id extends string = MessageId>(
  operation: Operation<Input, Output, State, Id>,
): Operation<Input, Output, State, Id> {
  if (typeof operation.name !== 'string' || !OPERATION_NAME.test(operation.name)) {
    throw new InvalidOptionError(`Invalid operation name ${JSON.stringify(operation.name)}: use the AWS operation name, e.g. 'TestConnection'`);
  }
  if (typeof operation.handle !== 'function') throw new InvalidOptionError(`Operation ${operation.name} has no handle() function`);
  return operation;
}
