import { defineMessages } from './define-messages.ts';

const TIP_DOC = 'API_TestIdentityProvider (Transfer API reference)';
const TROUBLESHOOTING = 'Transfer user guide, custom-idp-troubleshooting "Troubleshoot API Gateway integration errors"';
const SHAPES = 'Provider response fields as documented in custom-lambda-idp / authentication-api-gateway; text inferred';
const PARSE = 'Prefix "Unable to parse Json" observed as Transfer\'s answer to a non-string HomeDirectoryDetails (aws-powertools/powertools-lambda-python#6396); detail inferred';

/** Transfer servers, users and TestIdentityProvider texts. */
export const identityProviderMessages = defineMessages([
  { id: 'transfer.server.not-found', text: 'Unknown server', provenance: 'documented', source: TIP_DOC },
  { id: 'transfer.server.not-external-auth', text: '{serverId} not configured for external auth', provenance: 'documented', source: TIP_DOC },
  {
    id: 'transfer.server.identity-provider-details-required',
    text: '{type} servers need {fields}',
    provenance: 'inferred',
    source: 'CreateServer IdentityProviderDetails docs; text inferred',
  },
  { id: 'transfer.user.exists', text: 'User {user} already exists', provenance: 'inferred', source: 'CreateUser ResourceExistsException; text inferred' },
  { id: 'transfer.user.not-found', text: 'Unknown user', provenance: 'inferred', source: 'By analogy with the documented "Unknown server"' },
  {
    id: 'transfer.user.home-directory-with-logical',
    text: 'HomeDirectory cannot be set when HomeDirectoryType is LOGICAL; use HomeDirectoryMappings',
    provenance: 'inferred',
    source: 'CreateUser HomeDirectoryType docs; text inferred',
  },
  {
    id: 'transfer.user.not-service-managed',
    text: '{serverId} uses {type}: users are managed by its identity provider, not by CreateUser',
    provenance: 'inferred',
    source: 'CreateUser docs (service-managed users only); text inferred',
  },
  { id: 'transfer.identity-provider.succeeded', text: '', provenance: 'documented', source: `${TIP_DOC}, sample responses ("Message": "")` },
  {
    id: 'transfer.identity-provider.failed-login',
    text: '',
    provenance: 'documented',
    source: `${TIP_DOC}: "If an empty string is returned, the most likely cause is that the authentication failed"; Response is empty`,
  },
  { id: 'transfer.identity-provider.http-error', text: '{message}', provenance: 'documented', source: `${TROUBLESHOOTING}: {"Response": "", "StatusCode": 500, "Message": "Internal server error"}` },
  { id: 'transfer.identity-provider.http-status', text: 'Identity provider answered HTTP {status}', provenance: 'inferred', source: 'Non-API-Gateway error body; text inferred' },
  { id: 'transfer.identity-provider.timeout', text: 'Endpoint request timed out', provenance: 'observed', source: "API Gateway's 504 answer when an integration exceeds its 29 s timeout" },
  { id: 'transfer.identity-provider.unreachable', text: 'Unable to call identity provider: {reason}', provenance: 'inferred', source: 'floci uses this wording [PEER]; AWS text unknown' },
  { id: 'transfer.identity-provider.lambda-error', text: 'Lambda function {function} failed: {errorType}: {errorMessage}', provenance: 'inferred', source: 'AWS text unknown (aws-behaviors.md gap B)' },
  { id: 'transfer.identity-provider.lambda-not-found', text: 'Function not found: {function}', provenance: 'observed', source: "Lambda's own ResourceNotFoundException text" },
  {
    id: 'transfer.identity-provider.directory-service',
    text: 'partner-harness cannot emulate AWS Directory Service logins; run this scenario with --mode aws against a real server',
    provenance: 'harness',
    source: 'Harness limitation: Directory Service lives inside AWS',
  },
  { id: 'transfer.identity-provider.invalid-json', text: 'Unable to parse Json: the identity provider answered with invalid JSON ({reason})', provenance: 'inferred', source: PARSE },
  { id: 'transfer.identity-provider.not-an-object', text: 'Unable to parse Json: the identity provider must answer a JSON object, got {got}', provenance: 'inferred', source: PARSE },
  { id: 'transfer.identity-provider.home-directory-type', text: 'HomeDirectoryType must be "PATH" or "LOGICAL", got {got}', provenance: 'inferred', source: SHAPES },
  { id: 'transfer.identity-provider.home-directory-not-string', text: 'HomeDirectory must be a string such as "/bucket/home/user", got {got}', provenance: 'inferred', source: SHAPES },
  {
    id: 'transfer.identity-provider.home-directory-not-absolute',
    text: 'HomeDirectory must be an absolute path such as "/bucket/home/user", got {got}',
    provenance: 'inferred',
    source: 'HomeDirectory pattern (|/.*) in the Transfer API (CreateUser, DescribedUser); text inferred',
  },
  {
    id: 'transfer.identity-provider.home-directory-with-logical',
    text: 'HomeDirectory must not be set when HomeDirectoryType is LOGICAL: remove it and map "/" in HomeDirectoryDetails instead',
    provenance: 'inferred',
    source: SHAPES,
  },
  {
    id: 'transfer.identity-provider.logical-without-details',
    text: 'HomeDirectoryType LOGICAL needs HomeDirectoryDetails, e.g. "[{\\"Entry\\": \\"/\\", \\"Target\\": \\"/bucket/home/user\\"}]"',
    provenance: 'inferred',
    source: SHAPES,
  },
  {
    id: 'transfer.identity-provider.home-directory-details-not-string',
    text:
      'Unable to parse Json: HomeDirectoryDetails must be a string holding a JSON array, got {got}. ' +
      'Stringify it: "HomeDirectoryDetails": "[{\\"Entry\\": \\"/\\", \\"Target\\": \\"/bucket/home/user\\"}]"',
    provenance: 'inferred',
    source: PARSE,
  },
  {
    id: 'transfer.identity-provider.home-directory-details-invalid',
    text: 'HomeDirectoryDetails must hold a JSON array of {"Entry": "/path", "Target": "/bucket/path"} objects, but {reason}',
    provenance: 'inferred',
    source: SHAPES,
  },
  { id: 'transfer.identity-provider.public-keys', text: 'PublicKeys must be an array of strings such as ["ssh-rsa AAAA…"], got {got}', provenance: 'inferred', source: SHAPES },
  { id: 'transfer.identity-provider.policy-not-string', text: 'Policy must be a string holding the session policy JSON, got {got}: JSON.stringify it', provenance: 'inferred', source: SHAPES },
  {
    id: 'transfer.identity-provider.posix-profile',
    text: 'PosixProfile must be an object with numeric Uid and Gid, e.g. {"Uid": 1000, "Gid": 1000}, got {got}',
    provenance: 'inferred',
    source: SHAPES,
  },
]);
