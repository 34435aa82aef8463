import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PartnerHarnessError } from '../../core/errors/index.ts';
import { checkFakeKind, defineFakeKind } from './define-fake-kind.ts';
import { FakeKindError } from './fake-kind-error.ts';

const echoSchema = z.object({ kind: z.literal('echo'), greeting: z.string().default('hello') }).strict();
const start = async () => {
  throw new Error('not started in these tests');
};

function problemOf(value: unknown): FakeKindError {
  try {
    checkFakeKind(value, 'fakes[0]');
  } catch (error) {
    expect(error).toBeInstanceOf(FakeKindError);
    return error as FakeKindError;
  }
  throw new Error('expected checkFakeKind to refuse the value');
}

describe('defineFakeKind', () => {
  it('returns the definition itself, typed from its schema', () => {
    const definition = { kind: 'echo', schema: echoSchema, runtimes: { embedded: {} }, start };
    const kind = defineFakeKind(definition);
    expect(kind).toBe(definition);
    // The config type comes from the schema's output: greeting has its default filled in.
    const greeting: string = kind.schema.parse({ kind: 'echo' }).greeting;
    expect(greeting).toBe('hello');
  });

  it('refuses a definition whose schema is not a z.object with its own kind literal, naming the fix', () => {
    expect(() => defineFakeKind({ kind: 'echo', schema: z.object({ kind: z.literal('ftp') }), runtimes: { embedded: {} }, start })).toThrow(
      "defineFakeKind: not a usable kind of fake 'echo': schema's kind field is not z.literal('echo'), the kind's own name (write it as z.object({ kind: z.literal('echo'), … }).strict()). Build one with defineFakeKind({ kind, schema, runtimes, start }) from partner-harness/fakes",
    );
  });
});

describe('checkFakeKind: every problem of a value that is not a kind, with code and fix', () => {
  it('is a PartnerHarnessError with code FAKE_KIND_INVALID and the fix apart', () => {
    const error = problemOf('echo');
    expect(error).toBeInstanceOf(PartnerHarnessError);
    expect(error.code).toBe('FAKE_KIND_INVALID');
    expect(error.fix).toBe('Build one with defineFakeKind({ kind, schema, runtimes, start }) from partner-harness/fakes');
    expect(error.message).toMatch(/^fakes\[0\]: not a usable kind of fake: it is string, not an object\. Build one/);
  });

  it('lists each field that is wrong', () => {
    const error = problemOf({ kind: 'Echo Fake', schema: z.string(), runtimes: { embedded: {}, docker: {}, process: { available: true } }, start: 'go', invokeAsLambda: 1 });
    expect(error.message).toContain(`kind "Echo Fake" is not a kind name (lower-case letters, digits and -, starting with a letter, e.g. 'ftp-partner')`);
    expect(error.message).toContain('schema is not a zod 4 z.object');
    expect(error.message).toContain('runtimes.docker is not a runtime (use embedded, process, container)');
    expect(error.message).toContain('runtimes.process.available is not a function');
    expect(error.message).toContain('start is not a function');
    expect(error.message).toContain('invokeAsLambda is not a function');
  });

  it('needs at least one runtime', () => {
    expect(problemOf({ kind: 'echo', schema: echoSchema, runtimes: {}, start }).message).toContain('runtimes names none of embedded, process, container');
    expect(problemOf({ kind: 'echo', schema: echoSchema, start }).message).toContain('runtimes is not an object');
  });

  it('accepts a kind defined without defineFakeKind, as a JavaScript config may', () => {
    const plain = { kind: 'echo', schema: echoSchema, runtimes: { embedded: {}, process: { available: () => ({ available: false, reason: 'no echo binary' }) } }, start };
    expect(checkFakeKind(plain, 'fakes[0]')).toBe(plain);
  });
});
