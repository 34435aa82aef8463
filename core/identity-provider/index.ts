// The custom identity provider call contract, shared by the emulator (TestIdentityProvider) and
// the fakes (SFTP logins, the IdP fake's Lambda bridge).
export { apiGatewayRequest, lambdaEvent, providerConfigUrl, type ApiGatewayRequest, type ProviderLambdaEvent, type ProviderRequest } from './provider-request.ts';
export { callApiGateway, MAX_PROVIDER_ANSWER_BYTES, type ApiGatewayOutcome, type CallOptions } from './call-api-gateway.ts';
export {
  readLambdaAnswer,
  readProviderAnswer,
  type ProviderLogin,
  type ProviderProblem,
  type ProviderProblemCode,
  type ProviderSession,
  type ProviderVerdict,
} from './read-provider-answer.ts';
