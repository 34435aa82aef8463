export { AwsEndpoint, StartedAwsEndpoint } from './endpoint/aws-endpoint.ts';
export { AwsError } from './endpoint/aws-error.ts';
export type { CallRecord } from './endpoint/call-log.ts';
export type { EmulatorOptions } from './emulator-context.ts';
export { defaultEmulatorOptions } from './emulator-context.ts';
export { MessageCatalogue } from './messages/message-catalogue.ts';
export type { MessageEntry, Provenance, RenderedMessage } from './messages/message-catalogue.ts';
export { allMessages } from './messages/all-messages.ts';
export { connectorSecurityPolicies, DEFAULT_CONNECTOR_SECURITY_POLICY } from './transfer/connectors/connector-security-policies.ts';
