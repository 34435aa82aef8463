import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../emulator-context.ts';
import { sensitiveValues } from '../model/sensitive-values.ts';
import { formatValidationMessage, validateInput } from '../model/validate-input.ts';
import { AwsError } from './aws-error.ts';
import type { CallRecord } from './call-log.ts';
import { CallScope } from './call-scope.ts';
import type { EmulatedService } from './emulated-service.ts';
import { readJsonRequest, sendError, sendResult } from './json-protocol.ts';

interface CallEnvironment {
  services: Map<string, EmulatedService>;
  context: EmulatorContext;
  requestId: string;
}

/**
 * Answers one HTTP request: route by X-Amz-Target, validate against the service model, run the
 * handler, answer. Never throws: any failure becomes an AWS-shaped error, and every call is
 * recorded (redacted) for reports.
 */
export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  { services, context, requestId }: CallEnvironment,
): Promise<CallRecord> {
  const started = Date.now();
  const scope = new CallScope(requestId, context.options.defaultRegion, context.options.accountId, context.catalogue);
  const redactor = scope.redactor;
  let service = 'unknown';
  let internalErrorType = 'InternalServiceError';
  let operation = 'unknown';
  let request: unknown = {};
  try {
    const parsed = await readJsonRequest(req, context.options.defaultRegion);
    operation = parsed.operation;
    request = parsed.input;
    redactor.addFrom(parsed.input);
    scope.region = parsed.region;
    const target = services.get(parsed.targetPrefix);
    if (!target) {
      throw new AwsError(
        'UnknownOperationException',
        `The emulator does not serve ${parsed.targetPrefix}; it serves ${[...services.keys()].join(', ')}`,
      );
    }
    service = target.name;
    internalErrorType = target.internalErrorType ?? internalErrorType;
    redactor.add(...sensitiveValues(target.model, parsed.operation, parsed.input));
    const handler = target.operations[operation];
    if (!handler) {
      throw new AwsError(
        'UnknownOperationException',
        `${target.name}:${operation} is not emulated by partner-harness. Emulated operations: ${Object.keys(target.operations).join(', ')}`,
      );
    }
    const { violations, serializationError } = validateInput(target.model, operation, parsed.input);
    if (serializationError) throw AwsError.serialization(serializationError);
    if (violations.length > 0) throw AwsError.validation(formatValidationMessage(violations));
    const output = await handler(parsed.input, scope);
    sendResult(res, requestId, output);
    return record(200, { response: redactor.redact(output) });
  } catch (caught) {
    const error =
      caught instanceof AwsError
        ? caught
        : new AwsError(internalErrorType, `Internal error in partner-harness: ${String((caught as Error)?.message ?? caught)}`, 500);
    const safe = new AwsError(error.type, redactor.redactString(error.message), error.httpStatus, error.fields);
    if (!res.headersSent) sendError(res, requestId, safe);
    return record(safe.httpStatus, { error: { type: safe.type, message: safe.message } });
  }

  function record(httpStatus: number, outcome: Pick<CallRecord, 'response' | 'error'>): CallRecord {
    return {
      requestId,
      service,
      operation,
      request: redactor.redact(request),
      httpStatus,
      ...outcome,
      messages: redactor.redact(scope.messages),
      transcript: redactor.redact(scope.transcript),
      durationMs: Date.now() - started,
    };
  }
}
