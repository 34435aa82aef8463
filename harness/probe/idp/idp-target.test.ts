import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../core/errors/index.ts';
import { functionNameOf, parseIdpTarget } from './idp-target.ts';
import { loadIdpHandler } from './load-idp-handler.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'idp-target-'));
  await writeFile(join(dir, 'esm.mjs'), 'export const handler = async () => ({});\nexport async function authorize() { return {}; }\nexport const notAFunction = 1;\n');
  await writeFile(join(dir, 'common.cjs'), 'exports.handler = async () => ({ Role: "r" });\n');
  await writeFile(join(dir, 'typed.ts'), 'export const handler = async (event: { username: string }): Promise<Record<string, string>> => ({ seen: event.username });\n');
  await writeFile(join(dir, 'broken.mjs'), 'throw new Error("refuses to load");\n');
  await writeFile(join(dir, 'my handler!.js'), 'export const handler = () => ({});\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOptionError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('parseIdpTarget', () => {
  it('takes an http(s) URL as an API_GATEWAY provider, as given', () => {
    expect(parseIdpTarget('https://abc123.execute-api.eu-west-1.amazonaws.com/prod')).toEqual({ type: 'API_GATEWAY', url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod' });
    expect(parseIdpTarget('http://127.0.0.1:8080/prod/')).toEqual({ type: 'API_GATEWAY', url: 'http://127.0.0.1:8080/prod/' });
  });

  it.each([
    ['ftp://idp.example.com/prod', /is https:\/\//],
    ['https://idp.example.com/prod?stage=1', /without a query or fragment/],
    ['https://idp.example.com/prod#x', /without a query or fragment/],
    ['https://', /is not a URL/],
  ])('refuses the URL %s', (text, message) => {
    expect(refusal(() => parseIdpTarget(text))).toMatch(message);
  });

  it('refuses a URL with credentials without echoing them', () => {
    const message = refusal(() => parseIdpTarget('https://user:Secret-Pw-1@idp.example.com/prod'));
    expect(message).toMatch(/remove the user and password/);
    expect(message).not.toContain('Secret-Pw-1');
  });

  it('takes a handler file relative to cwd, export handler unless named after #', () => {
    expect(parseIdpTarget('esm.mjs', dir)).toEqual({ type: 'AWS_LAMBDA', file: join(dir, 'esm.mjs'), exportName: 'handler' });
    expect(parseIdpTarget('./typed.ts#authorize', dir)).toEqual({ type: 'AWS_LAMBDA', file: join(dir, 'typed.ts'), exportName: 'authorize' });
    expect(functionNameOf({ type: 'AWS_LAMBDA', file: join(dir, 'my handler!.js'), exportName: 'handler' })).toBe('my-handler-');
  });

  it.each([
    ['missing.mjs', /missing\.mjs: no such file\. Give the path of your Lambda handler file/],
    ['handler.py', /is neither an API Gateway URL nor a handler file/],
    ['esm.mjs#not-a-name', /'not-a-name' is not an export name/],
    ['.', /neither an API Gateway URL nor a handler file/],
  ])('refuses %s with the fix', (text, message) => {
    expect(refusal(() => parseIdpTarget(text, dir))).toMatch(message);
  });
});

describe('loadIdpHandler', () => {
  const load = (name: string, exportName = 'handler') => loadIdpHandler({ type: 'AWS_LAMBDA', file: join(dir, name), exportName });
  const call = (handler: Awaited<ReturnType<typeof load>>, event: unknown) => handler(event, { functionName: 'f', invokedFunctionArn: 'arn', awsRequestId: 'r', getRemainingTimeInMillis: () => 1000 }, () => {});

  it('loads ESM, CommonJS and TypeScript (without tsx) handlers by export name', async () => {
    expect(await call(await load('esm.mjs', 'authorize'), {})).toEqual({});
    expect(await call(await load('common.cjs'), {})).toEqual({ Role: 'r' });
    expect(await call(await load('typed.ts'), { username: 'alice' })).toEqual({ seen: 'alice' });
  });

  it('names a missing export, listing the exports, and a file that throws on load', async () => {
    await expect(load('esm.mjs', 'notAFunction')).rejects.toThrow(/esm\.mjs has no function export 'notAFunction' \(exports: authorize, handler, notAFunction\)\. Export the handler as 'notAFunction', or name it after #, e.g\. .*esm\.mjs#authorize/);
    await expect(load('broken.mjs')).rejects.toThrow(/broken\.mjs: cannot load it \(refuses to load\)/);
    await expect(load('broken.mjs')).rejects.toBeInstanceOf(InvalidOptionError);
  });
});
