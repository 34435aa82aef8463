import { Agent } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint } from '../aws-endpoint.ts';
import { defaultEndpointLimits } from './endpoint-limits.ts';
import type { StartedAwsEndpoint } from './started-aws-endpoint.ts';
import { HostileRequests, seededRandom, type HostileRequest } from './testing/hostile-requests.ts';
import { rawRequest, type RawAnswer } from './testing/raw-http.ts';

/**
 * Thousands of malformed requests against a started endpoint on loopback: every answer must be
 * AWS-shaped with the expected status class, none slow, and the endpoint must still serve and
 * hold a flat memory afterwards. FUZZ_SEED and FUZZ_COUNT reproduce or widen a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3_000);
const CONCURRENCY = 6;
/** Generous: the slowest legitimate case (a 1 MiB body) takes tens of milliseconds. */
const SLOWEST_MS = 2_000;
const CALL_LOG_SIZE = 200;

let aws: StartedAwsEndpoint;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

beforeAll(async () => {
  // No network: partners are never reached (the generator sends no valid test call), and if one
  // were, these fail fast.
  aws = await new AwsEndpoint()
    .withConnectTimeout(200)
    .withOptions({ identityProviderTimeoutMs: 200 })
    .withLimits({ callLogSize: CALL_LOG_SIZE })
    .start();
});

afterAll(async () => {
  agent.destroy();
  await aws?.stop();
});

/** A full GC where V8 allows turning it on, for a heap measure that means something. */
function collectGarbage(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

function send(request: HostileRequest): Promise<RawAnswer> {
  const headers = { ...request.headers };
  return rawRequest(aws.getUrl(), { method: request.method, headers, body: request.body, agent });
}

/** What is wrong with the answer, or undefined. */
function problemWith(request: HostileRequest, answer: RawAnswer): string | undefined {
  if (!request.expect.statuses.includes(answer.status)) return `status ${answer.status}, expected one of ${request.expect.statuses.join('/')}`;
  if (answer.ms > SLOWEST_MS) return `took ${Math.round(answer.ms)} ms`;
  if (!/^[0-9a-f-]{36}$/.test(String(answer.headers['x-amzn-requestid']))) return 'no x-amzn-requestid';
  if (answer.headers['content-type'] !== 'application/x-amz-json-1.1') return `content-type ${answer.headers['content-type']}`;
  if (!answer.json) return `body is not a JSON object: ${answer.text.slice(0, 100)}`;
  if (answer.text.length > 256 * 1024) return `answer of ${answer.text.length} characters`;
  if (answer.status === 200) return undefined;
  const type = answer.json.__type;
  if (typeof type !== 'string' || answer.headers['x-amzn-errortype'] !== type) return `__type ${String(type)}, x-amzn-errortype ${String(answer.headers['x-amzn-errortype'])}`;
  if (request.expect.type && type !== request.expect.type) return `__type ${type}, expected ${request.expect.type}`;
  if (typeof answer.json.message !== 'string') return 'no message';
  return undefined;
}

describe(`AwsEndpoint fuzz (seed ${SEED}, ${COUNT} requests)`, () => {
  it('answers every malformed request AWS-shaped, in time, and keeps serving with a flat memory', async () => {
    const gc = collectGarbage();
    const generator = new HostileRequests(seededRandom(SEED), defaultEndpointLimits);
    // Warm up (JIT, model loading, sockets) before the heap is measured.
    for (let i = 0; i < 50; i++) await send(generator.plausible());
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;

    const problems: string[] = [];
    const kinds = new Map<string, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < COUNT && problems.length < 10) {
        const index = sent++;
        const request = generator.next();
        kinds.set(request.kind.split(',')[0]!, (kinds.get(request.kind.split(',')[0]!) ?? 0) + 1);
        const answer = await send(request).catch((error: Error) => ({ error }));
        const problem = 'error' in answer ? `no answer: ${answer.error.message}` : problemWith(request, answer);
        if (problem) problems.push(`#${index} ${request.kind} ${request.method} ${request.headers['x-amz-target']?.slice(0, 60)}: ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(problems, `seed ${SEED}; kinds sent: ${JSON.stringify(Object.fromEntries(kinds))}`).toEqual([]);

    const after = await rawRequest(aws.getUrl(), { headers: { 'x-amz-target': 'secretsmanager.ListSecrets' }, body: '{}', agent });
    expect(after.status).toBe(200);
    expect(aws.getCalls().length).toBeLessThanOrEqual(CALL_LOG_SIZE);
    gc?.();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    // Kept after the run: CALL_LOG_SIZE bounded records and the secrets and connectors the
    // plausible requests created. Without the bounds, the log alone held hundreds of MB.
    if (gc) expect(grownMb, `heap grew ${grownMb.toFixed(1)} MB`).toBeLessThan(64);
  });
});
