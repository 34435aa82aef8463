import type { TestIdentityProviderCommandInput, TestIdentityProviderCommandOutput } from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import type { WireOutput } from '../../endpoint/wire-shape.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import { findServer } from '../servers/server-operations.ts';
import type { StoredServer } from '../servers/server-store.ts';
import type { TransferState } from '../transfer-state.ts';
import { PROVIDER_PROBLEM_FIX } from './provider-problem-fix.ts';
import { callApiGateway, lambdaEvent, providerConfigUrl, readLambdaAnswer, readProviderAnswer, type ProviderRequest, type ProviderVerdict } from '../../../../core/identity-provider/index.ts';

// The model marks Url required, but "The "Url": line is returned only if you are using an API
// Gateway method as your custom identity provider" (user guide, logical-dir-mappings).
type TestIdentityProviderAnswer = Omit<TestIdentityProviderCommandOutput, 'Url'> & { Url?: string };
type TestIdentityProviderOutput = WireOutput<TestIdentityProviderAnswer>;

/**
 * Transfer `TestIdentityProvider`: calls the server's identity provider for real, the way a
 * login would, and reports what it answered (API_TestIdentityProvider).
 */
export const testIdentityProvider = defineOperation<TestIdentityProviderCommandInput, TestIdentityProviderAnswer, TransferState>({
  name: 'TestIdentityProvider',
  async handle(input, { scope, state, emulator: context }) {
    const server = findServer(state.servers, input.ServerId, scope);
    if (server.IdentityProviderType === 'SERVICE_MANAGED') {
      throw new AwsError('InvalidRequestException', scope.message('transfer.server.not-external-auth', { serverId: server.ServerId }));
    }
    const request: ProviderRequest = {
      serverId: server.ServerId,
      username: input.UserName,
      // A blank password means a key login, as the AWS toolkit treats it.
      password: input.UserPassword ? input.UserPassword : undefined,
      protocol: input.ServerProtocol ?? 'SFTP',
      // Transfer passes the client's address; with none given we send loopback [INF].
      sourceIp: input.SourceIp ?? '127.0.0.1',
    };
    scope.redactor.add(input.UserPassword);
    scope.note('identity-provider', { type: server.IdentityProviderType, username: request.username, passwordLogin: request.password !== undefined });
    switch (server.IdentityProviderType) {
      case 'API_GATEWAY':
        return viaApiGateway(server, request, context, scope);
      case 'AWS_LAMBDA':
        return viaLambda(server, request, context, scope);
      default:
        return viaDirectory(server, request, context, scope);
    }
  },
});

async function viaApiGateway(server: StoredServer, request: ProviderRequest, context: EmulatorContext, scope: CallScope): Promise<TestIdentityProviderOutput> {
  const base = server.IdentityProviderDetails!.Url!;
  const Url = providerConfigUrl(base, request);
  const outcome = await callApiGateway(base, request, { timeoutMs: context.options.identityProviderTimeoutMs });
  scope.note('provider-answer', outcome.kind === 'answered' ? { status: outcome.status, bytes: outcome.body.length } : { outcome: outcome.kind });
  if (outcome.kind === 'timeout') {
    scope.diagnose('provider-timeout', `${base} did not answer within ${context.options.identityProviderTimeoutMs / 1000} s, API Gateway's integration timeout`, 'Make the provider answer faster (a cold start or a slow directory lookup), or check that API Gateway can reach its backend');
    return { Response: '', StatusCode: 504, Message: scope.message('transfer.identity-provider.timeout'), Url };
  }
  if (outcome.kind === 'failed' || outcome.kind === 'abandoned') {
    scope.diagnose('provider-unreachable', `${base} could not be called: ${outcome.reason}`, 'Check the server\'s IdentityProviderDetails.Url: the API Gateway invoke URL of the stage');
    return { Response: '', StatusCode: 500, Message: scope.message('transfer.identity-provider.unreachable'), Url };
  }
  if (outcome.status !== 200) {
    // API Gateway's own errors are {"message": "…"}, which Transfer passes on as Message.
    const message = apiGatewayErrorMessage(outcome.body);
    scope.diagnose('provider-http-error', `the provider answered HTTP ${outcome.status} instead of 200 with its JSON`, 'Look at the API Gateway execution log and the Lambda behind it: a thrown error or a missing permission answers 500, an authorizer or resource policy 403');
    return {
      Response: '',
      StatusCode: outcome.status,
      Message: message !== undefined
        ? scope.message('transfer.identity-provider.http-error', { message })
        : scope.message('transfer.identity-provider.http-status', { status: outcome.status }),
      Url,
    };
  }
  return judge(readProviderAnswer(outcome.body, { keyLogin: request.password === undefined, efs: server.Domain === 'EFS' }), outcome.body, { Url }, scope);
}

async function viaLambda(server: StoredServer, request: ProviderRequest, context: EmulatorContext, scope: CallScope): Promise<TestIdentityProviderOutput> {
  const fn = server.IdentityProviderDetails!.Function!;
  const event = lambdaEvent(request);
  // What the handler prints is its CloudWatch log: recorded in the call's transcript, which the
  // call record redacts (the password is registered above), never printed.
  const result = await context.lambdas.invoke(fn, event, scope.requestId, { onLog: (line) => scope.note('lambda-log', { ...line }) });
  scope.note('provider-answer', result.ok ? { lambda: 'returned' } : { lambda: result.errorType });
  // "The "Url": line is returned only if you are using an API Gateway method" (logical-dir-mappings).
  if (!result.ok && result.notFound) {
    scope.diagnose('lambda-not-found', `no function ${fn} is registered with the emulator`, 'Give the server\'s IdentityProviderDetails.Function the ARN of a deployed function (in a scenario: given.lambdas)');
    return { Response: '', StatusCode: 404, Message: scope.message('transfer.identity-provider.lambda-not-found', { function: fn }) };
  }
  if (!result.ok) {
    scope.diagnose('lambda-error', `the function failed with ${result.errorType}: ${result.errorMessage}`, 'Handle the error in the function and answer {} for a failed login');
    return { Response: '', StatusCode: 500, Message: scope.message('transfer.identity-provider.lambda-error', { function: fn }) };
  }
  return judge(readLambdaAnswer(result.payload, { keyLogin: request.password === undefined, efs: server.Domain === 'EFS' }), JSON.stringify(result.payload) ?? 'null', {}, scope);
}

/**
 * AWS_DIRECTORY_SERVICE: the user logs in to the server's directory, and their groups pick the
 * access. "A user must be in exactly one group (an external ID) that is listed in the Access
 * section ... If the user is in no groups, or is in more than a single group, that user is not
 * granted access" (directory-services-users).
 */
function viaDirectory(server: StoredServer, request: ProviderRequest, context: EmulatorContext, scope: CallScope): TestIdentityProviderOutput {
  const directoryId = server.IdentityProviderDetails?.DirectoryId ?? '';
  const directory = context.directories.find(directoryId);
  const denied = (code: string, text: string, fix: string, id: 'transfer.identity-provider.failed-login' | 'transfer.identity-provider.directory-no-access' | 'transfer.identity-provider.directory-multiple-access') => {
    scope.diagnose(code, text, fix);
    return { Response: '', StatusCode: 200, Message: scope.message(id) };
  };
  if (!directory) {
    return denied('directory-unknown', `directory ${directoryId} is not declared in the emulator`, 'Declare it: given.directories in a scenario, or AwsEndpoint.withDirectory()', 'transfer.identity-provider.failed-login');
  }
  const user = directory.users.get(request.username.toLowerCase());
  if (!user || request.password === undefined || user.password !== request.password) {
    const why = !user ? `no user ${request.username} in directory ${directoryId}` : request.password === undefined ? 'directory users log in with a password' : `the password of ${request.username} does not match`;
    return denied('directory-login-failed', why, 'Test with the user\'s directory password', 'transfer.identity-provider.failed-login');
  }
  const granted = user.groups.filter((group) => server.accesses.has(group.sid));
  if (granted.length === 0) {
    return denied(
      'directory-no-access',
      `${request.username} is in ${user.groups.map((g) => `${g.name} (${g.sid})`).join(', ') || 'no group'}, none of which has an access on ${server.ServerId}`,
      'CreateAccess with ExternalId set to the SID of one of the user\'s groups',
      'transfer.identity-provider.directory-no-access',
    );
  }
  if (granted.length > 1) {
    return denied(
      'directory-multiple-access',
      `${request.username} is in ${granted.map((g) => `${g.name} (${g.sid})`).join(' and ')}, each with an access on ${server.ServerId}`,
      'Keep the user in exactly one group that has an access, or delete one of the accesses',
      'transfer.identity-provider.directory-multiple-access',
    );
  }
  const { ExternalId, HomeDirectoryMappings, ...session } = server.accesses.get(granted[0]!.sid)!;
  // The session as a provider would answer it [INF]: AWS documents no example of this Response.
  const response = JSON.stringify({ ...session, ...(HomeDirectoryMappings ? { HomeDirectoryDetails: JSON.stringify(HomeDirectoryMappings) } : {}) });
  return { Response: response, StatusCode: 200, Message: scope.message('transfer.identity-provider.succeeded') };
}

/** The answer to TestIdentityProvider for a provider that answered 200 with `body`; `url` is there for API Gateway only. */
function judge(verdict: ProviderVerdict, body: string, url: { Url?: string }, scope: CallScope): TestIdentityProviderOutput {
  const StatusCode = 200;
  switch (verdict.kind) {
    case 'success':
      for (const problem of verdict.unused ?? []) {
        const when = problem.code === 'public-keys' ? 'for a password login, so this one succeeds, but a key login would fail' : 'on an S3 server, so this one succeeds, but an EFS server would fail it';
        scope.diagnose(`unused-${problem.code}`, `${problem.reason}; Transfer does not read it ${when}`, PROVIDER_PROBLEM_FIX[problem.code]);
      }
      return { Response: body, StatusCode, Message: scope.message('transfer.identity-provider.succeeded'), ...url };
    case 'failed-login':
      // "If you provide any incorrect values for any parameters, the Response field is empty."
      scope.diagnose('failed-login', 'the provider answered no usable Role: Transfer refuses the login', 'If this user should log in, answer {"Role": "arn:aws:iam::…:role/…", …} for these credentials');
      return { Response: '', StatusCode, Message: scope.message('transfer.identity-provider.failed-login'), ...url };
    case 'invalid':
      scope.diagnose(verdict.problem.code, verdict.problem.reason, PROVIDER_PROBLEM_FIX[verdict.problem.code]);
      return { Response: body, StatusCode, Message: scope.message(`transfer.identity-provider.${verdict.problem.code}`), ...url };
  }
}

function apiGatewayErrorMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; Message?: unknown };
    const message = parsed.message ?? parsed.Message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
