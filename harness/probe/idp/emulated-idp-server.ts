import { createRequire } from 'node:module';
import type * as Transfer from '@aws-sdk/client-transfer';
import { InvalidOptionError } from '../../../core/errors/index.ts';
import { AwsEndpoint, type LambdaHandler, type StartedAwsEndpoint } from '../../aws/index.ts';
import type { Redactor } from '../../redaction/index.ts';
import { diagnoseAnswer, type IdpAnswer, type IdpDiagnosis } from './idp-diagnosis.ts';
import { functionNameOf, type IdpTarget } from './idp-target.ts';
import type { IdpProtocol } from './idp-users-file.ts';

/** One login attempt to put to the provider; no password means a public-key login. */
export interface IdpAttempt {
  username: string;
  password?: string;
  protocol: IdpProtocol;
  sourceIp?: string;
}

/** What TestIdentityProvider answered (null when AWS refused the request) and our reading of it, secrets masked. */
export interface IdpTestResult {
  answer: IdpAnswer | null;
  diagnosis: IdpDiagnosis;
}

export interface EmulatedIdpServerOptions {
  target: IdpTarget;
  /** The loaded handler, for an AWS_LAMBDA target. */
  handler?: LambdaHandler;
  /** How long the provider may take per call; undefined keeps the emulator's (API Gateway's 29 s, Lambda's default 3 s). */
  timeoutMs?: number;
  /** Every password is registered here before it is sent; answers come back through it. */
  redactor: Redactor;
}

// Loaded when a probe runs, not with the CLI (the SDK takes a tenth of a second).
const require = createRequire(import.meta.url);

const INVOCATION_ROLE = 'arn:aws:iam::000000000000:role/partner-harness-probe-idp';

/**
 * A Transfer server with the partner's identity provider, on the emulated endpoint in this
 * process, asked through the real SDK: `test()` is TestIdentityProvider, the emulator's own code
 * calling the provider as Transfer does (one implementation, not a copy). `stop()` is idempotent.
 */
export class EmulatedIdpServer implements AsyncDisposable {
  private constructor(
    private readonly endpoint: StartedAwsEndpoint,
    private readonly transfer: Transfer.TransferClient,
    private readonly sdk: typeof Transfer,
    private readonly serverId: string,
    private readonly redactor: Redactor,
  ) {}

  static async start(options: EmulatedIdpServerOptions): Promise<EmulatedIdpServer> {
    const sdk = require('@aws-sdk/client-transfer') as typeof Transfer;
    const { target, timeoutMs } = options;
    const builder = new AwsEndpoint();
    if (timeoutMs !== undefined) builder.withOptions({ identityProviderTimeoutMs: timeoutMs });
    let details: Transfer.IdentityProviderDetails;
    if (target.type === 'AWS_LAMBDA') {
      if (!options.handler) throw new InvalidOptionError('EmulatedIdpServer: an AWS_LAMBDA target needs its handler (loadIdpHandler)');
      const arn = `arn:aws:lambda:us-east-1:000000000000:function:${functionNameOf(target)}`;
      builder.withLambda(arn, options.handler, timeoutMs === undefined ? {} : { timeoutMs });
      details = { Function: arn };
    } else {
      details = { Url: target.url, InvocationRole: INVOCATION_ROLE };
    }
    const endpoint = await builder.start();
    const transfer = new sdk.TransferClient(endpoint.getClientConfig());
    try {
      const { ServerId } = await transfer.send(
        new sdk.CreateServerCommand({ IdentityProviderType: target.type, IdentityProviderDetails: details, Protocols: ['SFTP', 'FTP', 'FTPS'] }),
      );
      return new EmulatedIdpServer(endpoint, transfer, sdk, ServerId!, options.redactor);
    } catch (error) {
      transfer.destroy();
      await endpoint.stop();
      const refused = error as Error & { $metadata?: unknown };
      if (!refused.$metadata) throw error;
      throw new InvalidOptionError(`CreateServer refuses this identity provider: ${refused.name}: ${refused.message}`, { fix: 'Give the invoke URL of an API Gateway stage (at most 255 characters)' });
    }
  }

  /** TestIdentityProvider for one attempt: AWS's answer and our diagnosis beside it. */
  async test(attempt: IdpAttempt): Promise<IdpTestResult> {
    this.redactor.add(attempt.password);
    const command = new this.sdk.TestIdentityProviderCommand({
      ServerId: this.serverId,
      UserName: attempt.username,
      ServerProtocol: attempt.protocol,
      ...(attempt.password === undefined ? {} : { UserPassword: attempt.password }),
      ...(attempt.sourceIp === undefined ? {} : { SourceIp: attempt.sourceIp }),
    });
    let output: Transfer.TestIdentityProviderCommandOutput;
    try {
      output = await this.transfer.send(command);
    } catch (error) {
      const refused = error as Error & { $metadata?: unknown };
      if (!refused.$metadata) throw error;
      return this.redactor.redact({ answer: null, diagnosis: { kind: 'refused', error: refused.name, reason: refused.message } });
    }
    const answer: IdpAnswer = { statusCode: output.StatusCode ?? 0, message: output.Message ?? '', response: output.Response ?? '', url: output.Url ?? null };
    const call = this.endpoint.getCall(output.$metadata.requestId ?? '');
    const diagnosis = diagnoseAnswer(answer, call?.messages.at(-1)?.id, { keyLogin: attempt.password === undefined, efs: false }, call?.diagnosis[0]?.text);
    return this.redactor.redact({ answer: { ...answer, response: this.#maskResponse(answer.response) }, diagnosis });
  }

  /**
   * The provider's body with registered secrets masked and, only when it holds any, values under
   * secret-like keys ("Password") too; otherwise the text stays exactly as AWS gave it.
   */
  #maskResponse(response: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response);
    } catch {
      return response;
    }
    const masked = this.redactor.redact(parsed);
    return JSON.stringify(masked) === JSON.stringify(parsed) ? response : JSON.stringify(masked);
  }

  async stop(): Promise<void> {
    this.transfer.destroy();
    await this.endpoint.stop();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
