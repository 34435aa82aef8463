import { describe, expect, it } from 'vitest';
import { DEFAULT_LAMBDA_TIMEOUT_MS, LambdaRegistry, type LambdaContext, type LambdaHandler } from './lambda-registry.ts';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:transfer-idp';

function registryWith(handler: LambdaHandler, options?: { timeoutMs?: number }): LambdaRegistry {
  const registry = new LambdaRegistry();
  registry.register(ARN, handler, options);
  return registry;
}

describe('LambdaRegistry', () => {
  it('knows which ARNs are registered, and answers an unknown one as not found', async () => {
    const registry = registryWith(async () => ({}));
    expect(registry.has(ARN)).toBe(true);
    expect(registry.has(`${ARN}-other`)).toBe(false);
    expect(await registry.invoke(`${ARN}-other`, {}, 'req-1')).toEqual({
      ok: false,
      errorType: 'ResourceNotFoundException',
      errorMessage: `Function not found: ${ARN}-other`,
      notFound: true,
    });
  });

  it('returns what an async handler resolves', async () => {
    const registry = registryWith(async (event) => ({ Role: 'r', saw: event }));
    expect(await registry.invoke(ARN, { username: 'alice' }, 'req-1')).toEqual({ ok: true, payload: { Role: 'r', saw: { username: 'alice' } } });
  });

  it('returns what a synchronous handler returns', async () => {
    const registry = registryWith((event) => ({ echoed: (event as { n: number }).n + 1 }));
    expect(await registry.invoke(ARN, { n: 1 }, 'req-1')).toEqual({ ok: true, payload: { echoed: 2 } });
  });

  it('returns what a callback handler passes to its callback, even after a delay', async () => {
    const registry = registryWith((_event, _context, callback) => {
      setTimeout(() => callback(null, { Role: 'from-callback' }), 10);
    });
    expect(await registry.invoke(ARN, {}, 'req-1')).toEqual({ ok: true, payload: { Role: 'from-callback' } });
  });

  it('reports an error passed to the callback', async () => {
    const registry = registryWith((_event, _context, callback) => callback(new RangeError('out of range')));
    expect(await registry.invoke(ARN, {}, 'req-1')).toEqual({ ok: false, errorType: 'RangeError', errorMessage: 'out of range' });
  });

  it('serialises the result as Lambda does: undefined becomes null, a Date its ISO string', async () => {
    const date = new Date('2024-05-06T07:08:09.010Z');
    expect(await registryWith(async () => undefined).invoke(ARN, {}, 'r')).toEqual({ ok: true, payload: null });
    expect(await registryWith(async () => date).invoke(ARN, {}, 'r')).toEqual({ ok: true, payload: '2024-05-06T07:08:09.010Z' });
    expect(await registryWith(async () => ({ at: date, skip: undefined, fn: () => 1 })).invoke(ARN, {}, 'r')).toEqual({
      ok: true,
      payload: { at: '2024-05-06T07:08:09.010Z' },
    });
  });

  it('reports a thrown Error with its name as errorType', async () => {
    class UserNotFound extends Error {
      override name = 'UserNotFound';
    }
    const registry = registryWith(async () => {
      throw new UserNotFound('no such user alice');
    });
    expect(await registry.invoke(ARN, {}, 'r')).toEqual({ ok: false, errorType: 'UserNotFound', errorMessage: 'no such user alice' });
  });

  it('reports a synchronous throw from a non-async handler', async () => {
    const registry = registryWith(() => {
      throw new TypeError('bad event');
    });
    expect(await registry.invoke(ARN, {}, 'r')).toEqual({ ok: false, errorType: 'TypeError', errorMessage: 'bad event' });
  });

  it('reports a thrown string as an Error carrying that text', async () => {
    const registry = registryWith(async () => {
      throw 'plain string failure';
    });
    expect(await registry.invoke(ARN, {}, 'r')).toEqual({ ok: false, errorType: 'Error', errorMessage: 'plain string failure' });
  });

  it('times out a handler that never settles: Sandbox.Timedout after the configured time', async () => {
    const registry = registryWith(() => new Promise(() => {}), { timeoutMs: 200 });
    const started = Date.now();
    const result = await registry.invoke(ARN, {}, 'r');
    const elapsed = Date.now() - started;
    expect(result).toEqual({ ok: false, errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 0.20 seconds' });
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('times out a callback handler that never calls back', async () => {
    const registry = registryWith((_event, _context, _callback) => undefined, { timeoutMs: 200 });
    expect(await registry.invoke(ARN, {}, 'r')).toMatchObject({ ok: false, errorType: 'Sandbox.Timedout' });
  });

  it('hands the handler a structured clone: its mutations do not reach the caller', async () => {
    const event = { username: 'alice', nested: { tags: ['a'] } };
    const registry = registryWith(async (received) => {
      const e = received as typeof event;
      e.username = 'mallory';
      e.nested.tags.push('b');
      return { same: received === event };
    });
    expect(await registry.invoke(ARN, event, 'r')).toEqual({ ok: true, payload: { same: false } });
    expect(event).toEqual({ username: 'alice', nested: { tags: ['a'] } });
  });

  it('gives a context with the function name from the ARN, the request id and a shrinking remaining time', async () => {
    let seen: { context: LambdaContext; first: number; second: number } | undefined;
    const registry = registryWith(
      async (_event, context) => {
        const first = context.getRemainingTimeInMillis();
        await new Promise((resolve) => setTimeout(resolve, 60));
        seen = { context, first, second: context.getRemainingTimeInMillis() };
        return null;
      },
      { timeoutMs: 1_000 },
    );
    await registry.invoke(ARN, {}, 'req-42');
    expect(seen?.context.functionName).toBe('transfer-idp');
    expect(seen?.context.invokedFunctionArn).toBe(ARN);
    expect(seen?.context.awsRequestId).toBe('req-42');
    expect(seen?.first).toBeLessThanOrEqual(1_000);
    expect(seen?.first).toBeGreaterThan(900);
    expect(seen!.second).toBeLessThanOrEqual(seen!.first - 50);
  });

  it('uses the 3 s Lambda default timeout when none is given', async () => {
    expect(DEFAULT_LAMBDA_TIMEOUT_MS).toBe(3_000);
    let remaining = 0;
    await registryWith(async (_event, context) => {
      remaining = context.getRemainingTimeInMillis();
    }).invoke(ARN, {}, 'r');
    expect(remaining).toBeGreaterThan(2_900);
    expect(remaining).toBeLessThanOrEqual(3_000);
  });

  it('replaces a function registered again under the same ARN', async () => {
    const registry = registryWith(async () => 'first');
    registry.register(ARN, async () => 'second');
    expect(await registry.invoke(ARN, {}, 'r')).toEqual({ ok: true, payload: 'second' });
  });
});
