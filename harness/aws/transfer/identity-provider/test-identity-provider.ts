import type { TestIdentityProviderCommandInput, TestIdentityProviderCommandOutput } from '@aws-sdk/client-transfer';
import { AwsError } from '../../endpoint/aws-error.ts';
import type { CallScope } from '../../endpoint/call-scope.ts';
import { defineOperation } from '../../endpoint/define-operation.ts';
import type { WireOutput } from '../../endpoint/wire-shape.ts';
import type { EmulatorContext } from '../../emulator-context.ts';
import { findServer } from '../servers/server-operations.ts';
import type { StoredServer } from '../servers/server-store.ts';
import type { TransferState } from '../transfer-state.ts';
import { callApiGateway, lambdaEvent, providerConfigUrl, readLambdaAnswer, readProviderAnswer, type ProviderRequest, type ProviderVerdict } from '../../../../core/identity-provider/index.ts';

type TestIdentityProviderOutput = WireOutput<TestIdentityProviderCommandOutput>;

/**
 * Transfer `TestIdentityProvider`: calls the server's identity provider for real, the way a
 * login would, and reports what it answered (API_TestIdentityProvider).
 */
export const testIdentityProvider = defineOperation<TestIdentityProviderCommandInput, TestIdentityProviderCommandOutput, TransferState>({
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
        return { Response: '', StatusCode: 501, Message: scope.message('transfer.identity-provider.directory-service'), Url: server.IdentityProviderDetails?.DirectoryId ?? '' };
    }
  },
});

async function viaApiGateway(server: StoredServer, request: ProviderRequest, context: EmulatorContext, scope: CallScope): Promise<TestIdentityProviderOutput> {
  const base = server.IdentityProviderDetails!.Url!;
  const Url = providerConfigUrl(base, request);
  const outcome = await callApiGateway(base, request, { timeoutMs: context.options.identityProviderTimeoutMs });
  scope.note('provider-answer', outcome.kind === 'answered' ? { status: outcome.status, bytes: outcome.body.length } : { outcome: outcome.kind });
  if (outcome.kind === 'timeout') return { Response: '', StatusCode: 504, Message: scope.message('transfer.identity-provider.timeout'), Url };
  if (outcome.kind === 'failed' || outcome.kind === 'abandoned') {
    return { Response: '', StatusCode: 500, Message: scope.message('transfer.identity-provider.unreachable', { reason: outcome.reason }), Url };
  }
  if (outcome.status !== 200) {
    // API Gateway's own errors are {"message": "…"}, which Transfer passes on as Message.
    const message = apiGatewayErrorMessage(outcome.body);
    return {
      Response: '',
      StatusCode: outcome.status,
      Message: message !== undefined
        ? scope.message('transfer.identity-provider.http-error', { message })
        : scope.message('transfer.identity-provider.http-status', { status: outcome.status }),
      Url,
    };
  }
  return judge(readProviderAnswer(outcome.body), outcome.body, Url, scope);
}

async function viaLambda(server: StoredServer, request: ProviderRequest, context: EmulatorContext, scope: CallScope): Promise<TestIdentityProviderOutput> {
  const fn = server.IdentityProviderDetails!.Function!;
  const event = lambdaEvent(request);
  // What the handler prints is its CloudWatch log: recorded in the call's transcript, which the
  // call record redacts (the password is registered above), never printed.
  const result = await context.lambdas.invoke(fn, event, scope.requestId, { onLog: (line) => scope.note('lambda-log', { ...line }) });
  scope.note('provider-answer', result.ok ? { lambda: 'returned' } : { lambda: result.errorType });
  if (!result.ok && result.notFound) {
    return { Response: '', StatusCode: 404, Message: scope.message('transfer.identity-provider.lambda-not-found', { function: fn }), Url: fn };
  }
  if (!result.ok) {
    const params = { function: fn, errorType: result.errorType, errorMessage: result.errorMessage };
    return { Response: '', StatusCode: 500, Message: scope.message('transfer.identity-provider.lambda-error', params), Url: fn };
  }
  return judge(readLambdaAnswer(result.payload), JSON.stringify(result.payload) ?? 'null', fn, scope);
}

/** The answer to TestIdentityProvider for a provider that answered 200 with `body`. */
function judge(verdict: ProviderVerdict, body: string, Url: string, scope: CallScope): TestIdentityProviderOutput {
  const StatusCode = 200;
  switch (verdict.kind) {
    case 'success':
      return { Response: body, StatusCode, Message: scope.message('transfer.identity-provider.succeeded'), Url };
    case 'failed-login':
      // "If you provide any incorrect values for any parameters, the Response field is empty."
      return { Response: '', StatusCode, Message: scope.message('transfer.identity-provider.failed-login'), Url };
    case 'invalid':
      return { Response: body, StatusCode, Message: scope.message(`transfer.identity-provider.${verdict.problem.code}`, verdict.problem.params), Url };
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
