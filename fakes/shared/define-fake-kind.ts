import type { z } from 'zod';
import { FAKE_RUNTIMES, type FakeKind } from './fake-kind.ts';
import { FakeKindError } from './fake-kind-error.ts';
import type { StartedFake } from './started-fake.ts';

/** What scenarios write after `kind:`; also a debug namespace and a key in reports. */
const KIND_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Typed identity for a kind of fake, checked when it is defined, so a mistake shows at the
 * definition rather than in the first scenario that uses it:
 * `export const echoKind = defineFakeKind({ kind: 'echo', schema, runtimes: { embedded: {} }, start })`.
 */
export function defineFakeKind<Schema extends z.ZodObject, Started extends StartedFake>(definition: FakeKind<Schema, Started>): FakeKind<Schema, Started> {
  return checkFakeKind(definition, 'defineFakeKind') as FakeKind<Schema, Started>;
}

/** `value` as a kind of fake, or a FakeKindError listing every problem and its fix. `where` names it in the message. */
export function checkFakeKind(value: unknown, where: string): FakeKind {
  const problems = problemsOf(value);
  if (problems.length > 0) {
    const name = typeof (value as { kind?: unknown } | null)?.kind === 'string' ? ` '${(value as { kind: string }).kind}'` : '';
    throw new FakeKindError('FAKE_KIND_INVALID', `${where}: not a usable kind of fake${name}: ${problems.join('; ')}`, {
      fix: 'Build one with defineFakeKind({ kind, schema, runtimes, start }) from partner-harness/fakes',
    });
  }
  return value as FakeKind;
}

function problemsOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [`it is ${value === null ? 'null' : typeof value}, not an object`];
  const { kind, schema, runtimes, start, invokeAsLambda } = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof kind !== 'string' || !KIND_NAME.test(kind)) {
    problems.push(`kind ${JSON.stringify(kind)} is not a kind name (lower-case letters, digits and -, starting with a letter, e.g. 'ftp-partner')`);
  }
  problems.push(...schemaProblems(schema, typeof kind === 'string' ? kind : 'NAME'));
  problems.push(...runtimeProblems(runtimes));
  if (typeof start !== 'function') problems.push('start is not a function (config, context) => Promise<StartedFake>');
  if (invokeAsLambda !== undefined && typeof invokeAsLambda !== 'function') problems.push('invokeAsLambda is not a function (started, event) => Promise<unknown>');
  return problems;
}

/** zod 4's own markers, so a schema from the user's copy of zod is recognised as well as ours. */
interface ZodInternals {
  _zod?: { def?: { type?: string; shape?: Record<string, ZodInternals>; values?: unknown[] } };
}

function schemaProblems(schema: unknown, kind: string): string[] {
  const expected = `(write it as z.object({ kind: z.literal('${kind}'), … }).strict())`;
  const def = (schema as ZodInternals | undefined)?._zod?.def;
  if (def?.type !== 'object') return [`schema is not a zod 4 z.object ${expected}`];
  const discriminator = def.shape?.kind?._zod?.def;
  if (discriminator?.type !== 'literal' || discriminator.values?.length !== 1 || discriminator.values[0] !== kind) {
    return [`schema's kind field is not z.literal('${kind}'), the kind's own name ${expected}`];
  }
  return [];
}

function runtimeProblems(runtimes: unknown): string[] {
  const names = FAKE_RUNTIMES.join(', ');
  if (typeof runtimes !== 'object' || runtimes === null || Array.isArray(runtimes)) {
    return [`runtimes is not an object with one or more of ${names} (e.g. { embedded: {} })`];
  }
  const entries = Object.entries(runtimes);
  if (entries.length === 0) return [`runtimes names none of ${names} (e.g. { embedded: {} })`];
  return entries.flatMap(([runtime, support]) => {
    if (!(FAKE_RUNTIMES as readonly string[]).includes(runtime)) return [`runtimes.${runtime} is not a runtime (use ${names})`];
    if (typeof support !== 'object' || support === null) return [`runtimes.${runtime} is not an object (e.g. {} or { available: (config) => ({ available: true }) })`];
    const { available } = support as { available?: unknown };
    return available === undefined || typeof available === 'function' ? [] : [`runtimes.${runtime}.available is not a function (config) => { available, reason? }`];
  });
}
