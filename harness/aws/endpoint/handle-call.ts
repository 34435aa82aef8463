import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../emulator-context.ts';
import { normalizeInput } from '../model/normalize-input.ts';
import { sensitiveValues } from '../model/sensitive-values.ts';
import { formatValidationMessage, validateInput } from '../model/validate-input.ts';
import { AwsError } from './aws-error.ts';
import { boundRecordValue } from './bound-record-value.ts';
import type { CallRecord } from './call-log.ts';
import { DIAGNOSIS_HEADER, diagnosisHeaderValue } from './diagnosis.ts';
import { CallScope } from './call-scope.ts';
import type { BoundService } from './bound-service.ts';
import type { EndpointLimits } from './endpoint-limits.ts';
import { readJsonRequest, sendError, sendResult } from './json-protocol.ts';
import { answerQueryCall } from './query-call.ts';
import { isQueryRequest } from './query-request.ts';
import { sendQueryError, sendQueryResult } from './query-response.ts';

interface CallEnvironment {
  /** JSON-protocol services, by X-Amz-Target prefix. */
  services: ReadonlyMap<string, BoundService>;
  /** EC2 query-protocol services, by SigV4 signing name. */
  queryServices: ReadonlyMap<string, BoundService>;
  context: EmulatorContext;
  limits: EndpointLimits;
  requestId: string;
}

/** What is known of the call so far; the record is made from it whatever failed. */
interface CallFacts {
  service: string;
  operation: string;
  request: unknown;
  internalErrorType: string;
  /** Query calls: the service whose model writes the XML answer, once known. */
  bound?: BoundService;
}

type Outcome = Pick<CallRecord, 'httpStatus' | 'response' | 'error'>;

/**
 * Answers one HTTP request: route by X-Amz-Target (JSON 1.1) or, for a form-encoded request
 * without one, by the SigV4 scope to an EC2 query-protocol service; validate against the service
 * model, run the handler, answer in the request's protocol. Never throws: any failure becomes an AWS-shaped error, and every call is
 * recorded (redacted, bounded) for reports.
 */
export async function handleCall(req: IncomingMessage, res: ServerResponse, environment: CallEnvironment): Promise<CallRecord> {
  const { context, requestId } = environment;
  const started = Date.now();
  const scope = new CallScope<string>(requestId, context.options.defaultRegion, context.options.accountId, context.catalogue);
  const facts: CallFacts = { service: 'unknown', operation: 'unknown', request: {}, internalErrorType: 'InternalServiceError' };
  const query = isQueryRequest(req);
  let outcome: Outcome;
  try {
    if (query) {
      const output = await answerQueryCall(req, facts, scope, environment.queryServices, context.options.defaultRegion, environment.limits);
      sendQueryResult(res, requestId, facts.bound!, facts.operation, output, diagnosisHeaders(scope));
      outcome = { httpStatus: 200, response: output };
    } else {
      const output = await answer(req, facts, scope, environment);
      sendResult(res, requestId, output, diagnosisHeaders(scope));
      outcome = { httpStatus: 200, response: output };
    }
  } catch (caught) {
    const error =
      caught instanceof AwsError
        ? caught
        : new AwsError(facts.internalErrorType, `Internal error in partner-harness: ${String((caught as Error)?.message ?? caught)}`, 500);
    const safe = new AwsError(error.type, scope.redactor.redactString(error.message), error.httpStatus, error.fields);
    if (!res.headersSent) (query ? sendQueryError : sendError)(res, requestId, safe, diagnosisHeaders(scope));
    outcome = { httpStatus: safe.httpStatus, error: { type: safe.type, message: safe.message } };
  }
  return recordCall(facts, outcome, scope, environment, Date.now() - started);
}

async function answer(req: IncomingMessage, facts: CallFacts, scope: CallScope<string>, environment: CallEnvironment): Promise<unknown> {
  const { services, context, limits } = environment;
  const parsed = await readJsonRequest(req, context.options.defaultRegion, limits);
  const { operation } = parsed;
  facts.operation = operation;
  facts.request = parsed.input;
  scope.redactor.addFrom(parsed.input);
  scope.region = parsed.region;
  const target = services.get(parsed.targetPrefix);
  if (!target) {
    throw new AwsError(
      'UnknownOperationException',
      `The emulator does not serve ${parsed.targetPrefix}; it serves ${[...services.keys()].join(', ')}`,
    );
  }
  facts.service = target.name;
  facts.internalErrorType = target.internalErrorType ?? facts.internalErrorType;
  // One by one: spreading a hostile number of values into a call overflows the stack.
  for (const value of sensitiveValues(target.model, operation, parsed.input)) scope.redactor.add(value);
  const handler = target.operations.get(operation);
  if (!handler) {
    throw new AwsError(
      'UnknownOperationException',
      `${target.name}:${operation} is not emulated by partner-harness. Emulated operations: ${[...target.operations.keys()].join(', ')}`,
    );
  }
  if (!target.model.hasOperation(operation)) return handler(parsed.input, scope);
  // Handlers see the input as AWS's deserialiser would: no nulls, no unknown members.
  const input = normalizeInput(target.model, operation, parsed.input);
  const { violations, violationCount, serializationError } = validateInput(target.model, operation, input);
  if (serializationError) throw AwsError.serialization(serializationError);
  if (violations.length > 0) throw AwsError.validation(formatValidationMessage(violations, violationCount));
  return handler(input, scope);
}

/** The diagnosis for `serve` users, redacted: a header SDKs ignore. */
function diagnosisHeaders(scope: CallScope<string>): Record<string, string> {
  const value = diagnosisHeaderValue(scope.redactor.redact(scope.diagnoses));
  return value ? { [DIAGNOSIS_HEADER]: value } : {};
}

/** Redacted, then bounded (redacting first, so a cut never leaves a secret's prefix). Never throws. */
function recordCall(facts: CallFacts, outcome: Outcome, scope: CallScope<string>, environment: CallEnvironment, durationMs: number): CallRecord {
  const { requestId, limits } = environment;
  const base = { requestId, service: facts.service, operation: facts.operation, httpStatus: outcome.httpStatus, durationMs };
  try {
    const keep = <T>(value: T): T => boundRecordValue(scope.redactor.redact(value), limits.recordPartChars) as T;
    return {
      ...base,
      request: keep(facts.request),
      ...(outcome.response !== undefined ? { response: keep(outcome.response) } : {}),
      ...(outcome.error ? { error: keep(outcome.error) } : {}),
      messages: keep(scope.messages),
      transcript: keep(scope.transcript),
      diagnosis: keep(scope.diagnoses),
    };
  } catch (caught) {
    // A record that cannot be made must cost neither the answer nor the process.
    const reason = `not recorded: ${String((caught as Error)?.message ?? caught).slice(0, 200)}`;
    return { ...base, request: reason, messages: [], transcript: [], diagnosis: [], ...(outcome.error ? { error: { type: outcome.error.type, message: reason } } : {}) };
  }
}
