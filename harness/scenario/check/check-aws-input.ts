import type { ServiceModel } from '../../aws/model/service-model.ts';
import type { Shape } from '../../aws/model/shape.ts';
import { hint, listAllowed } from '../../../core/errors/index.ts';
import type { IssueAt } from './issue-at.ts';
import { hasReference, isWholeReference } from '../template-syntax.ts';

/**
 * Checks an AWS input written in a scenario against the bundled service model, before anything
 * runs: unknown members (AWS would silently ignore a typo such as `SecurityPolicyNam`, so the
 * scenario would test the default instead), JSON types, and enum values, each with a hint.
 * Lengths, patterns and required members are left to the emulator: they fail loudly there.
 *
 * Templates: a string that is one whole `{{ reference }}` may become any type, so it is not
 * checked; a string with a reference inside stays a string, but its final value is unknown.
 */
export interface AwsInputCheckOptions {
  /** Per-path exceptions a scenario's own format allows (e.g. `SecretString` given as an object). */
  readonly accept?: (path: readonly PropertyKey[], value: unknown) => boolean;
  /** Map keys accepted beyond a key enum, because AWS documents them (Glue's `INSTANCE_URL`). */
  readonly extraMapKeys?: readonly string[];
}

/** Deeper than any AWS input; a guard against a hostile file, not a model rule. */
const MAX_DEPTH = 64;

export function checkAwsInput(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  at: readonly PropertyKey[],
  options: AwsInputCheckOptions = {},
): IssueAt[] {
  const issues: IssueAt[] = [];
  const visit = (name: string, shape: Shape, node: unknown, path: readonly PropertyKey[]): void => {
    if (node === null || node === undefined) return; // absent, as AWS treats null
    if (options.accept?.(path.slice(at.length), node)) return;
    if (path.length - at.length > MAX_DEPTH) {
      issues.push({ at: path, message: `nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    if (typeof node === 'string' && isWholeReference(node)) return;
    const kind = jsonKind(node);
    const expected = expectedKind(shape);
    if (!expected.includes(kind)) {
      issues.push({ at: path, message: `${name} is ${article(expected[0]!)}, not ${article(kind)}${typeHint(expected[0]!, kind)}` });
      return;
    }
    switch (shape.type) {
      case 'structure': {
        const members = shape.members ?? {};
        const names = Object.keys(members);
        for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
          if (!Object.hasOwn(members, key)) {
            issues.push({
              at: [...path, key],
              message: `unknown member '${key}' of ${name}.${hint(key, names)} Members: ${listAllowed(names)}`,
            });
            continue;
          }
          const ref = members[key]!.shape;
          visit(key, model.getShape(ref), child, [...path, key]);
        }
        return;
      }
      case 'list': {
        const ref = shape.member!.shape;
        (node as unknown[]).forEach((item, i) => visit(`${name}[${i}]`, model.getShape(ref), item, [...path, i]));
        return;
      }
      case 'map': {
        const keyShape = model.getShape(shape.key!.shape);
        const allowedKeys = keyShape.enum ? [...keyShape.enum, ...(options.extraMapKeys ?? [])] : undefined;
        const ref = shape.value!.shape;
        for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
          if (allowedKeys && !allowedKeys.includes(key) && !hasReference(key)) {
            issues.push({ at: [...path, key], message: `'${key}' is not a ${shape.key!.shape}.${hint(key, allowedKeys)} Allowed: ${listAllowed(allowedKeys)}` });
            continue;
          }
          visit(key, model.getShape(ref), child, [...path, key]);
        }
        return;
      }
      case 'string':
        if (shape.enum && !hasReference(node as string) && !shape.enum.includes(node as string)) {
          issues.push({ at: path, message: `'${node as string}' is not a valid ${name}.${hint(node as string, shape.enum)} Allowed: ${listAllowed(shape.enum)}` });
        }
        return;
    }
  };
  visit(shapeName, model.getShape(shapeName), value, at);
  return issues;
}

type JsonKind = 'object' | 'list' | 'string' | 'number' | 'boolean' | 'bytes' | 'date';

function jsonKind(value: unknown): JsonKind {
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'date';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'bigint') return 'number';
  return typeof value as JsonKind;
}

function expectedKind(shape: Shape): JsonKind[] {
  switch (shape.type) {
    case 'structure':
    case 'map':
      return ['object'];
    case 'list':
      return ['list'];
    case 'string':
      return ['string'];
    case 'blob':
      return ['string', 'bytes'];
    case 'boolean':
      return ['boolean'];
    case 'timestamp':
      return ['date', 'number', 'string'];
    default:
      return ['number'];
  }
}

function article(kind: JsonKind): string {
  return { object: 'an object', list: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean', bytes: 'bytes', date: 'a date' }[kind];
}

function typeHint(expected: JsonKind, found: JsonKind): string {
  if (expected === 'string' && (found === 'number' || found === 'boolean')) return ': quote it, or add `| string` to a reference';
  if (expected === 'list') return ': write it as [ … ]';
  return '';
}

