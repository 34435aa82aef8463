// The `partner-harness/fakes` entry: each fake's builder and started handle, usable from any test
// runner or plain Node, and the contract a kind of fake plugs in with. Named exports only: what
// is here is the public API.

// The plug-in contract: one started-fake lifecycle, and a kind of fake scenarios can declare.
export { StartedFakeBase, type StartedFake } from './shared/started-fake.ts';
export { defineFakeKind } from './shared/define-fake-kind.ts';
export {
  FAKE_RUNTIMES,
  type FakeKind,
  type FakeRuntime,
  type FakeRuntimeSupport,
  type FakeStartContext,
  type RuntimeAvailability,
  type ScenarioFakeView,
} from './shared/fake-kind.ts';
export { FakeKindError, type FakeKindErrorCode } from './shared/fake-kind-error.ts';
export { Transcript, type TranscriptEntry } from './shared/transcript.ts';

// Errors: every one a user meets is a PartnerHarnessError with a stable `code` (match on it, not on the text).
export { PartnerHarnessError, InvalidOptionError, RuntimeUnavailableError, FakeStartError, InvalidKeyError } from '../core/errors/index.ts';

// SFTP partners.
export {
  SftpFake,
  DEFAULT_IDENT,
  isSftpRuntimeAvailable,
  SFTP_RUNTIMES,
  SUPPORTED_ALGORITHMS,
  generateSshKey,
  parsePublicKey,
  parsePrivateKey,
  publicKeyFingerprint,
  HOST_KEY_TYPES,
  DEFAULT_LOGIN_GRACE_TIME_MS,
  DEFAULT_MAX_STARTUPS,
  MAX_LOGIN_GRACE_TIME_MS,
  parseMaxStartups,
  formatMaxStartups,
  type StartedSftpFake,
  type HostKeyInfo,
  type SftpUserOptions,
  type SftpFault,
  type SftpRuntime,
  type SftpIdentityProvider,
  type IdentityProviderEvent,
  type SshAlgorithms,
  type HostKeyType,
  type SshKeyPair,
  type ParsedPublicKey,
  type MaxStartups,
} from './sftp/index.ts';

// Identity providers (API Gateway URL or Lambda function).
export {
  IdpFake,
  behaviours,
  MALFORMED_KINDS,
  TRUNCATED_JSON,
  IdpHttpStatusError,
  IdpInvalidResponseError,
  IDP_CONFIG_PATH,
  idpConfigRoute,
  providerJson,
  readAuthRequest,
  fakeIdpUsers,
  transferUsername,
  type StartedIdpFake,
  type IdpUser,
  type HomeDirectoryMapping,
  type PosixProfile,
  type SessionConfig,
  type UserTableOptions,
  type MalformedKind,
  type SecretsManagerToolkitOptions,
  type TransferAuthEvent,
  type IdpConfigParams,
  type IdpAuthRequest,
  type FakeIdpUsersOptions,
} from './idp/index.ts';

// Salesforce-like OAuth2 partners.
export {
  SalesforceFake,
  createJwtAssertion,
  generateRsaKeyPair,
  oauthErrors,
  DEFAULT_RUN_AS_USER,
  TOKEN_PATH,
  JWT_BEARER_GRANT,
  type SalesforceClientOptions,
  type SalesforceCodeOptions,
  type StartedSalesforceFake,
  type JwtAssertionOptions,
  type OAuthError,
} from './oauth/index.ts';

// Database partners running the real engines.
export { PostgresFake, MysqlFake, isRuntimeAvailable, stopSharedEngines, EngineHost, type StartedEngineHost, ENGINE_HOST_ENV, type StartedDbFake, type DbEngine, type DbRuntime, type DbUserOptions, type DbFault } from './db/index.ts';

// Network faults between a client and any fake.
export { FaultProxy, NET_FAULT_KINDS, type StartedFaultProxy, type NetFault, type NetFaultKind, type NetDirection } from './net/index.ts';

// Whether a Docker engine is reachable for the container runtime.
export { isContainerRuntimeAvailable, type Availability } from './container/index.ts';
