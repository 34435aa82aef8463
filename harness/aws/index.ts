// partner-harness/aws: the emulated AWS endpoint, and the contract for adding operations and
// services to it. Named exports only; everything else under harness/aws is internal.
export { AwsEndpoint } from './aws-endpoint.ts';
export { StartedAwsEndpoint } from './endpoint/started-aws-endpoint.ts';
export type { EndpointLimits } from './endpoint/endpoint-limits.ts';
export type { EmulatorContext, EmulatorOptions } from './emulator-context.ts';
export { defaultEmulatorOptions } from './emulator-context.ts';
export type { LambdaContext, LambdaHandler } from './lambda/lambda-registry.ts';
export type { CallRecord } from './endpoint/call-log.ts';
export { DIAGNOSIS_HEADER, formatDiagnosis, type Diagnosis } from './endpoint/diagnosis.ts';

// Adding an operation or a service.
export { defineOperation } from './endpoint/define-operation.ts';
export type { AnyOperation, Operation, OperationContext } from './endpoint/define-operation.ts';
export { defineService } from './endpoint/emulated-service.ts';
export type { EmulatedService } from './endpoint/emulated-service.ts';
export type { WireInput, WireOutput } from './endpoint/wire-shape.ts';
export type { CallScope } from './endpoint/call-scope.ts';
export { AwsError } from './endpoint/aws-error.ts';
// A builder or definition given a bad value throws InvalidOptionError (code INVALID_OPTION), a
// PartnerHarnessError. AwsError above is the emulated service's answer, not one of these.
export { PartnerHarnessError, InvalidOptionError } from '../../core/errors/index.ts';
export { ServiceModel } from './model/service-model.ts';
export type { ServiceName } from './model/service-model.ts';
export type { ServiceModelFile } from './model/shape.ts';
export { emulatedServices } from './emulated-services.ts';

// The message catalogue.
export { MessageCatalogue } from './messages/message-catalogue.ts';
export type { MessageEntry, Provenance, RenderedMessage } from './messages/message-catalogue.ts';
export { defineMessages } from './messages/define-messages.ts';
export { allMessages } from './messages/all-messages.ts';
export type { MessageId } from './messages/all-messages.ts';

export { connectorSecurityPolicies, DEFAULT_CONNECTOR_SECURITY_POLICY } from './transfer/connectors/connector-security-policies.ts';
