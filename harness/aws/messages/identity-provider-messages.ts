import { defineMessages } from './define-messages.ts';

const TIP_DOC = 'https://docs.aws.amazon.com/transfer/latest/APIReference/API_TestIdentityProvider.html';
const ERRORS_DOC = 'https://docs.aws.amazon.com/transfer/latest/APIReference/api-welcome.html ("Making API requests", error response examples)';
const TROUBLESHOOTING = 'https://docs.aws.amazon.com/transfer/latest/userguide/custom-idp-troubleshooting.html ("Troubleshoot API Gateway integration errors")';
const DIRECTORY_DOC = 'https://docs.aws.amazon.com/transfer/latest/userguide/directory-services-users.html';
// "the server return "Unable to parse Json" when the HomeDirectoryDetails is not correcly formated"; nothing follows the text.
const PARSE = 'https://github.com/aws-powertools/powertools-lambda-python/issues/6396 and https://github.com/aws-powertools/powertools-lambda-python/pull/6403';
const PARSE_INFERRED = `Transfer answers "Unable to parse Json" to a HomeDirectoryDetails it cannot read (${PARSE}); the same text for this answer is inferred`;

/** Transfer servers, users and TestIdentityProvider texts. */
export const identityProviderMessages = defineMessages([
  { id: 'transfer.server.not-found', text: 'Unknown server', provenance: 'documented', source: `${ERRORS_DOC}; ${TIP_DOC}` },
  { id: 'transfer.server.not-external-auth', text: '{serverId} not configured for external auth', provenance: 'documented', source: TIP_DOC },
  {
    id: 'transfer.server.identity-provider-details-required',
    text: '{type} servers need {fields}',
    provenance: 'inferred',
    source: 'CreateServer IdentityProviderDetails docs; text inferred',
  },
  { id: 'transfer.user.exists', text: 'User already exists', provenance: 'documented', source: `${ERRORS_DOC}: Resource is the user name, ResourceType User` },
  { id: 'transfer.user.not-found', text: 'Unknown user', provenance: 'inferred', source: `By analogy with the documented "Unknown server" (${ERRORS_DOC})` },
  {
    id: 'transfer.user.home-directory-with-logical',
    text: 'HomeDirectory cannot be set when HomeDirectoryType is LOGICAL',
    provenance: 'inferred',
    source: 'CreateUser HomeDirectoryType docs; text inferred',
  },
  {
    id: 'transfer.user.not-service-managed',
    text: '{serverId} uses {type}: users are managed by its identity provider, not by CreateUser',
    provenance: 'inferred',
    source: 'CreateUser docs (service-managed users only); text inferred',
  },
  { id: 'transfer.access.exists', text: 'Access already exists', provenance: 'inferred', source: `By analogy with the documented "User already exists" (${ERRORS_DOC})` },
  { id: 'transfer.access.not-found', text: 'Unknown access', provenance: 'inferred', source: `By analogy with the documented "Unknown server" (${ERRORS_DOC})` },
  {
    id: 'transfer.access.not-directory-server',
    text: '{serverId} not configured for directory access',
    provenance: 'inferred',
    source: `Accesses exist for AWS_DIRECTORY_SERVICE servers; worded like the documented "{serverId} not configured for external auth" (${TIP_DOC})`,
  },
  { id: 'transfer.identity-provider.succeeded', text: '', provenance: 'documented', source: `${TIP_DOC}, examples 2 and 4 ("Message": "")` },
  {
    id: 'transfer.identity-provider.failed-login',
    text: '',
    provenance: 'documented',
    source: `${TIP_DOC}: "If an empty string is returned, the most likely cause is that the authentication failed"; Response is empty`,
  },
  { id: 'transfer.identity-provider.http-error', text: '{message}', provenance: 'documented', source: `${TROUBLESHOOTING}: {"Response": "", "StatusCode": 500, "Message": "Internal server error"}` },
  { id: 'transfer.identity-provider.http-status', text: 'Identity provider answered HTTP {status}', provenance: 'inferred', source: 'Non-API-Gateway error body; text inferred' },
  { id: 'transfer.identity-provider.timeout', text: 'Endpoint request timed out', provenance: 'inferred', source: "API Gateway's 504 body past its 29 s integration timeout (https://encore.dev/articles/api-gateway-504-timeout); passed on as Message like the documented 500 (inferred)" },
  { id: 'transfer.identity-provider.unreachable', text: 'Unable to call identity provider', provenance: 'inferred', source: 'floci uses this wording [PEER]; AWS text unknown; the network error is in the diagnosis' },
  { id: 'transfer.identity-provider.lambda-error', text: 'Lambda function {function} failed', provenance: 'inferred', source: 'AWS text unknown: the error type and message are in the diagnosis' },
  { id: 'transfer.identity-provider.lambda-not-found', text: 'Function not found: {function}', provenance: 'inferred', source: "Lambda's own ResourceNotFoundException text (https://github.com/teticio/lambda-scraper/issues/8); that Transfer passes it on is inferred" },
  {
    id: 'transfer.identity-provider.directory-multiple-access',
    text: "More than one associated access found for user's groups.",
    provenance: 'documented',
    source: `${TIP_DOC}, example 3; ${DIRECTORY_DOC} ("Testing users")`,
  },
  {
    id: 'transfer.identity-provider.directory-no-access',
    text: "No associated access found for user's groups",
    provenance: 'documented',
    source: `${DIRECTORY_DOC} ("Working with Active Directory realms"); StatusCode and Response as for the documented multiple-access answer (inferred)`,
  },
  // What Transfer answers when a provider's answer cannot be used. The harness's explanation of
  // each (which field, why, what to send) is the call's diagnosis (provider-problem-diagnosis.ts).
  { id: 'transfer.identity-provider.invalid-json', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.not-an-object', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.home-directory-type', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.home-directory-not-string', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.home-directory-details-not-string', text: 'Unable to parse Json', provenance: 'observed', source: PARSE },
  { id: 'transfer.identity-provider.home-directory-details-invalid', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.public-keys', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.policy-not-string', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  { id: 'transfer.identity-provider.posix-profile', text: 'Unable to parse Json', provenance: 'inferred', source: PARSE_INFERRED },
  {
    id: 'transfer.identity-provider.home-directory-not-absolute',
    text: 'Invalid home directory',
    provenance: 'inferred',
    source: 'HomeDirectory pattern (|/.*) in the Transfer API (CreateUser, DescribedUser); text inferred',
  },
  { id: 'transfer.identity-provider.home-directory-with-logical', text: 'Invalid home directory', provenance: 'inferred', source: 'CreateUser HomeDirectoryType docs; text inferred' },
  { id: 'transfer.identity-provider.logical-without-details', text: 'Invalid home directory', provenance: 'inferred', source: 'CreateUser HomeDirectoryType docs; text inferred' },
]);
