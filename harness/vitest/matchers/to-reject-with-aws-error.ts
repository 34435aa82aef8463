import type { MatcherState } from 'vitest';
import type { MatcherOutcome } from './matcher-outcome.ts';
import { matchesText, showText, type TextExpectation } from './text-expectation.ts';

/**
 * `await expect(client.send(command)).toRejectWithAwsError('ResourceNotFoundException', /optional/)`:
 * the call fails with the AWS exception of that name (the SDK's error `name`), and optionally
 * that message. Takes a promise or a function that returns one.
 */
export async function toRejectWithAwsError(this: MatcherState, received: unknown, name: string, message?: TextExpectation): Promise<MatcherOutcome> {
  const hint = this.utils.matcherHint('.toRejectWithAwsError', 'promise', message === undefined ? 'name' : 'name, message', { isNot: this.isNot });
  const expected = `${name}${message === undefined ? '' : ` with message ${showText(message)}`}`;
  const pending = typeof received === 'function' ? (received as () => unknown)() : received;
  if (!isThenable(pending)) {
    return { pass: false, message: () => `${hint}\n\nExpected a promise (or a function returning one), e.g. client.send(command).\nReceived: ${this.utils.printReceived(received)}` };
  }
  let value: unknown;
  try {
    value = await pending;
  } catch (error) {
    const actualName = (error as { name?: unknown } | null)?.name;
    const actualMessage = (error as { message?: unknown } | null)?.message;
    const nameOk = actualName === name;
    const messageOk = matchesText(message, actualMessage);
    const not = this.isNot ? 'not ' : '';
    return {
      pass: nameOk && messageOk,
      message: () =>
        [
          hint,
          '',
          `Expected the call ${not}to reject with ${expected}`,
          `Received: rejected with ${describeError(error)}`,
          `  name:    expected ${not}${this.utils.printExpected(name)}, got ${this.utils.printReceived(actualName)}`,
          ...(message === undefined ? [] : [`  message: expected ${not}${this.utils.printExpected(message)}, got ${this.utils.printReceived(actualMessage)}`]),
        ].join('\n'),
    };
  }
  return {
    pass: false,
    message: () => `${hint}\n\nExpected the call to reject with ${expected}\nReceived: it resolved with ${this.utils.printReceived(withoutMetadata(value))}`,
  };
}

/** `ValidationException ($fault client, HTTP 400): "message"`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = error as Error & { $fault?: string; $metadata?: { httpStatusCode?: number } };
  const facts = [details.$fault && `$fault ${details.$fault}`, details.$metadata?.httpStatusCode && `HTTP ${details.$metadata.httpStatusCode}`].filter(Boolean);
  return `${error.name}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}: ${JSON.stringify(error.message)}`;
}

function withoutMetadata(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('$metadata' in value)) return value;
  const { $metadata: _metadata, ...rest } = value as Record<string, unknown>;
  return rest;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
