import type { IncomingMessage } from 'node:http';
import { sensitiveValues } from '../model/sensitive-values.ts';
import { validateInput, formatValidationMessage } from '../model/validate-input.ts';
import { AwsError } from './aws-error.ts';
import type { BoundService } from './bound-service.ts';
import type { CallScope } from './call-scope.ts';
import type { EndpointLimits } from './endpoint-limits.ts';
import { decodeQueryInput } from './query-input.ts';
import { readQueryRequest } from './query-request.ts';

/** What the call handler learns while answering, for the record and for the XML answer. */
export interface QueryCallFacts {
  service: string;
  operation: string;
  request: unknown;
  internalErrorType: string;
  /** Known once the service and operation are: the answer is written from its model. */
  bound?: BoundService;
}

/**
 * Answers one EC2 query-protocol call: find the service by the signature's scope, check Action and
 * Version, decode the parameters by the model (unknown ones refused), validate, run the handler.
 * Texts of the protocol level are EC2's where a user quoted them.
 */
export async function answerQueryCall(
  req: IncomingMessage,
  facts: QueryCallFacts,
  scope: CallScope<string>,
  services: ReadonlyMap<string, BoundService>,
  defaultRegion: string,
  limits: EndpointLimits,
): Promise<unknown> {
  const request = await readQueryRequest(req, defaultRegion, limits);
  scope.region = request.region;
  facts.operation = request.action ?? 'unknown';
  const target = (request.signingService !== undefined ? services.get(request.signingService) : undefined) ?? (services.size === 1 ? [...services.values()][0] : undefined);
  if (!target) {
    throw new AwsError('InvalidAction', `The action ${request.action ?? ''} is not valid for this web service.`);
  }
  facts.service = target.name;
  facts.internalErrorType = target.internalErrorType ?? 'InternalError';
  // [INF]: EC2's documented code for a request without an Action; the text is ours.
  if (!request.action) throw new AwsError('MissingAction', 'The request must contain the parameter Action');
  const handler = target.operations.get(request.action);
  if (!handler) {
    // "The action DescribeManagedPrefixLists is not valid for this web service." (joshlarsen/aws-recon#138) [OBS].
    throw new AwsError('InvalidAction', `The action ${request.action} is not valid for this web service.`);
  }
  if (request.version === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter Version');
  if (request.version !== target.model.metadata.apiVersion) {
    // "The requested version (2010-03-31) of service AmazonEC2 does not exist" (boto/boto3#1138) [OBS].
    // EC2 still serves older versions; the emulator has the model of this one only.
    throw new AwsError('NoSuchVersion', `The requested version (${request.version}) of service Amazon${target.model.serviceId} does not exist`);
  }
  facts.bound = target;
  if (!target.model.hasOperation(request.action)) {
    // An operation added to the service without a model: the parameters as sent, unchecked.
    facts.request = request.flat;
    return handler(request.flat, scope);
  }
  const input = decodeQueryInput(target.model, request.action, request.params);
  facts.request = input;
  scope.redactor.addFrom(input);
  for (const value of sensitiveValues(target.model, request.action, input)) scope.redactor.add(value);
  const { violations, violationCount } = validateInput(target.model, request.action, input);
  // EC2 words constraint failures as InvalidParameterValue; which texts it uses for each is not
  // known, so the validator's own wording is sent under that code [INF].
  if (violations.length > 0) throw new AwsError('InvalidParameterValue', formatValidationMessage(violations, violationCount));
  return handler(input, scope);
}
