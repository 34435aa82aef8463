import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturePrintedOutput } from '../../testing/capture-printed-output.ts';
import type { HandlerLogLine } from './handler-output.ts';
import { LambdaRegistry, type LambdaHandler } from './lambda-registry.ts';
import { maskSensitive } from './mask-sensitive.ts';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:transfer-idp';
const PASSWORD = 'Canary-pw-5d1e';
const EVENT = { username: 'alice', password: PASSWORD, protocol: 'SFTP', serverId: 's-0123456789abcdef0', sourceIp: '127.0.0.1' };

/** Everything that reaches this process's console and stdout/stderr during the tests. */
let printed: string[] = [];
let restore: () => void;

beforeAll(() => {
  ({ printed, restore } = capturePrintedOutput());
});
afterAll(() => restore());

async function invoke(handler: LambdaHandler, options: { timeoutMs?: number } = {}): Promise<HandlerLogLine[]> {
  const registry = new LambdaRegistry();
  registry.register(ARN, handler, options);
  const lines: HandlerLogLine[] = [];
  await registry.invoke(ARN, EVENT, 'req-1', { onLog: (line) => lines.push(line) });
  return lines;
}

describe('LambdaRegistry: what a handler prints', () => {
  it('goes to onLog, as Lambda sends it to CloudWatch, and never to the process output', async () => {
    const lines = await invoke(async (event) => {
      console.log(event);
      console.error(JSON.stringify(event));
      process.stdout.write(`raw ${(event as typeof EVENT).password}\n`);
      process.stderr.write(Buffer.from(`buffer ${(event as typeof EVENT).password}\n`));
      await new Promise((resolve) => setTimeout(resolve, 5));
      console.warn('after an await: %s', (event as typeof EVENT).username);
      return {};
    });
    expect(lines.map((line) => [line.stream, line.level])).toEqual([
      ['stdout', 'log'],
      ['stderr', 'error'],
      ['stdout', 'write'],
      ['stderr', 'write'],
      ['stderr', 'warn'],
    ]);
    // Values under sensitive keys are masked here; registered secrets are the caller's to mask.
    expect(lines[0]!.text).toContain("password: '***'");
    expect(lines[0]!.text).toContain("username: 'alice'");
    expect(lines[1]!.text).toBe(`${JSON.stringify(EVENT)}\n`);
    expect(lines[4]!.text).toBe('after an await: alice\n');
    expect(printed.join('')).not.toContain(PASSWORD);
    expect(printed.join('')).not.toContain('after an await');
  });

  it('captures a callback handler too, and drops what is printed without onLog', async () => {
    const registry = new LambdaRegistry();
    registry.register(ARN, (event, _context, callback) => {
      setTimeout(() => {
        console.log('callback', event);
        callback(null, {});
      }, 5);
    });
    expect(await registry.invoke(ARN, EVENT, 'r')).toEqual({ ok: true, payload: {} });
    expect(printed.join('')).not.toContain(PASSWORD);
  });

  it('leaves output from outside the handler alone, even while a handler runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pending = invoke(async () => {
      await gate;
      console.log('inside');
      return {};
    });
    console.log('outside while the handler waits');
    process.stdout.write('raw outside\n');
    release();
    expect((await pending).map((line) => line.text)).toEqual(['inside\n']);
    expect(printed).toContain('outside while the handler waits\n');
    expect(printed).toContain('raw outside\n');
  });

  it('drops lines a timed-out handler prints after the answer, and keeps at most 200 lines', async () => {
    const late = await invoke(async () => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      console.log(`late ${PASSWORD}`);
    }, { timeoutMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(late).toEqual([]);
    expect(printed.join('')).not.toContain(PASSWORD);
    const chatty = await invoke(async () => {
      for (let i = 0; i < 500; i++) console.log(`line ${i}`);
      return {};
    });
    expect(chatty).toHaveLength(201);
    expect(chatty.at(-1)).toMatchObject({ level: 'harness', text: '(more output not recorded: the first 200 lines are kept)\n' });
  });

  it('formats assert, trace and circular objects without throwing', async () => {
    const lines = await invoke(async () => {
      const loop: Record<string, unknown> = { name: 'loop', token: 'tok-secret-1' };
      loop.self = loop;
      console.log(loop);
      console.assert(true, 'not printed');
      console.assert(false, 'printed');
      console.trace('here');
      return {};
    });
    expect(lines.map((line) => line.level)).toEqual(['log', 'assert', 'trace']);
    expect(lines[0]!.text).toContain("token: '***'");
    expect(lines[0]!.text).toContain('[Circular');
    expect(lines[1]!.text).toBe('Assertion failed printed\n');
  });
});

describe('maskSensitive', () => {
  it('masks values under sensitive keys at any depth, keeps the rest, and leaves the input alone', () => {
    const input = { user: { name: 'a', Password: 'p1', keys: [{ PrivateKey: 'k' }] }, NextToken: 'n', clientSecret: null };
    expect(maskSensitive(input)).toEqual({ user: { name: 'a', Password: '***', keys: [{ PrivateKey: '***' }] }, NextToken: 'n', clientSecret: null });
    expect(input.user.Password).toBe('p1');
  });
});
