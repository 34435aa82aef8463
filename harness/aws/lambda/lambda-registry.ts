import createDebug from 'debug';
import { captureHandlerOutput, type HandlerLogLine } from './handler-output.ts';

const debug = createDebug('partner-harness:aws:lambda');

/** A Lambda handler as Node runtimes call it: async, or with a callback as the third argument. */
export type LambdaHandler = (
  event: unknown,
  context: LambdaContext,
  callback: (error?: unknown, result?: unknown) => void,
) => unknown;

export interface LambdaContext {
  functionName: string;
  invokedFunctionArn: string;
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

export type InvokeResult =
  | { ok: true; payload: unknown }
  | { ok: false; errorType: string; errorMessage: string; notFound?: boolean };

export interface InvokeOptions {
  /**
   * Receives what the handler prints (console.*, process.stdout/stderr.write) while it runs, as
   * CloudWatch would. Without it the output is dropped: it never reaches the process's output.
   */
  onLog?: (line: HandlerLogLine) => void;
}

/** Lines recorded per invocation; a handler that logs in a loop should not fill the report. */
const MAX_LOG_LINES = 200;

interface RegisteredFunction {
  arn: string;
  handler: LambdaHandler;
  timeoutMs: number;
}

/** Lambda's default function timeout (configuration-timeout: "The default value … is 3 seconds"). */
export const DEFAULT_LAMBDA_TIMEOUT_MS = 3_000;

/**
 * Functions the emulated services may invoke (Transfer's AWS_LAMBDA identity providers), keyed
 * by ARN. Handlers run in this process, unchanged: a user's real Lambda handler file works.
 */
export class LambdaRegistry {
  readonly #functions = new Map<string, RegisteredFunction>();

  register(arn: string, handler: LambdaHandler, { timeoutMs = DEFAULT_LAMBDA_TIMEOUT_MS }: { timeoutMs?: number } = {}): void {
    this.#functions.set(arn, { arn, handler, timeoutMs });
  }

  has(arn: string): boolean {
    return this.#functions.has(arn);
  }

  async invoke(arn: string, event: unknown, requestId: string, { onLog }: InvokeOptions = {}): Promise<InvokeResult> {
    const fn = this.#functions.get(arn);
    if (!fn) return { ok: false, errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${arn}`, notFound: true };
    const deadline = Date.now() + fn.timeoutMs;
    const context: LambdaContext = {
      functionName: arn.split(':').at(-1) ?? arn,
      invokedFunctionArn: arn,
      awsRequestId: requestId,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    debug('invoke %s', arn);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<InvokeResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${(fn.timeoutMs / 1000).toFixed(2)} seconds` }),
        fn.timeoutMs,
      );
    });
    // Lines printed after the answer (a timed-out handler still running) are dropped.
    let open = true;
    let lines = 0;
    const sink = (line: HandlerLogLine) => {
      if (!open || !onLog) return;
      lines += 1;
      if (lines <= MAX_LOG_LINES) onLog(line);
      else if (lines === MAX_LOG_LINES + 1) onLog({ stream: line.stream, level: 'harness', text: `(more output not recorded: the first ${MAX_LOG_LINES} lines are kept)\n` });
    };
    try {
      return await Promise.race([captureHandlerOutput(sink, () => run(fn.handler, event, context)), timedOut]);
    } finally {
      open = false;
      clearTimeout(timer);
    }
  }
}

async function run(handler: LambdaHandler, event: unknown, context: LambdaContext): Promise<InvokeResult> {
  try {
    const result = await new Promise<unknown>((resolve, reject) => {
      const returned = handler(structuredClone(event), context, (error, value) => (error ? reject(error) : resolve(value)));
      // Async handlers resolve through their promise; callback handlers return undefined.
      if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(resolve, reject);
      else if (handler.length < 3) resolve(returned);
    });
    // Lambda serialises the result; what cannot be serialised reaches the caller as null.
    const json = JSON.stringify(result);
    return { ok: true, payload: json === undefined ? null : JSON.parse(json) };
  } catch (error) {
    const err = error as Error;
    return { ok: false, errorType: err?.name ?? 'Error', errorMessage: err?.message ?? String(error) };
  }
}
