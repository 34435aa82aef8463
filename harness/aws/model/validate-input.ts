/**
 * Server-side input validation worded as AWS (Coral) words it, so a client sees the same
 * ValidationException message from the emulator as from AWS.
 *
 * Evidence for the format (public GitHub issues quoting real AWS answers):
 * - Paths are member names with the first letter lowercased (only the first:
 *   `advancedSecurityOptions.sAMLOptions.masterUserName`, ministryofjustice/
 *   cloud-platform-infrastructure#4097), joined by '.'.
 * - Entries of a list of structures are `<list>.<1-based index>.member`:
 *   `tags.6.member.value` (SWO-GS/auto-tag#90), `topicPolicyConfig.topicsConfig.2.member.definition`
 *   (privacera/paig#272).
 * - Map entries are not given paths: bad values are reported once at the map's path as `Map value
 *   must satisfy constraint: [<every constraint of the value shape>]`, with no value quoted
 *   (`pipeline.stages.1.member.actions.1.member.configuration`, aws-quickstart/
 *   quickstart-taskcat-ci#60). Keys likewise as `Map keys must satisfy constraint: [...]`
 *   (recollection, unverified).
 * - Lists of scalars: by analogy with maps, bad members are reported once at the list's path as
 *   `Member must satisfy constraint: [...]` with the list quoted (recollection of SageMaker
 *   security-group messages, unverified). Complex map values recurse as `<map>.<key>` (a guess;
 *   none of our models has one).
 * - Sensitive values are never quoted: `Value at '...'` (the OpenSearch and Bedrock messages
 *   above are for `sensitive` shapes). A sensitive container hides everything inside it, and a
 *   list or map is quoted only as Java would print a list of plain strings (`'[a, b]'`, `'[]'`).
 * - Missing required members: `Value null at 'x' failed to satisfy constraint: Member must not be
 *   null` (pulumi/pulumi-aws#2357).
 * Violations come in member declaration order; each failed constraint is its own violation.
 * Unknown members are ignored, as AWS ignores them. Union "exactly one member" rules are not
 * checked: no AWS wording for them is known.
 *
 * Bounds, so hostile input costs time and memory linear in its size [INF: no AWS evidence of
 * how Coral bounds these was found]:
 * - a value longer than its max length is not matched against its pattern (it fails already,
 *   and the length is what the client must fix); a too-short value still is, as above;
 * - quoted values are cut after MAX_QUOTED_VALUE characters, ending in `...` (see quoteValue);
 * - the message lists the first MAX_LISTED_VIOLATIONS violations and counts them all.
 * The walk follows the model, never the input, so its depth is the model's (6 at most here).
 */
import { findSerializationError } from './find-serialization-error.ts';
import type { ServiceModel } from './service-model.ts';
import type { Shape } from './shape.ts';
import { blobAwareValue, constraintsOf } from './constraints-of.ts';
import { joinUpTo, MAX_QUOTED_VALUE, quoteValue } from './quote-value.ts';

export const MAX_LISTED_VIOLATIONS = 100;

export interface InputValidation {
  /** AWS-style violations, in the order AWS reports them (the first MAX_LISTED_VIOLATIONS). */
  readonly violations: string[];
  /** How many violations there are in all; absent when it is `violations.length`. */
  readonly violationCount?: number;
  /**
   * Set when a value has the wrong JSON type: AWS then answers SerializationException with this
   * message and checks no constraint, so `violations` is empty.
   */
  readonly serializationError?: string;
}

export function validateInput(model: ServiceModel, operationName: string, input: unknown): InputValidation {
  const shape = model.getInputShape(operationName);
  const body = input ?? {};
  const serializationError = findSerializationError(model, shape, body);
  if (serializationError) return { violations: [], serializationError };
  const walker = new Walker(model);
  walker.structure(shape, body as Record<string, unknown>, '', false);
  const { violations, count } = walker;
  return count > violations.length ? { violations, violationCount: count } : { violations };
}

/** `1 validation error detected: <v>` or `N validation errors detected: <v1>; <v2>`. */
export function formatValidationMessage(violations: readonly string[], count = violations.length): string {
  const noun = count === 1 ? 'error' : 'errors';
  return `${count} validation ${noun} detected: ${violations.join('; ')}`;
}

/** Map-key enums are not enforced (see Walker.map); the open copy of each key shape is made once. */
const openKeyShapes = new WeakMap<Shape, Shape>();

function openKeyShape(keyShape: Shape): Shape {
  let open = openKeyShapes.get(keyShape);
  if (!open) {
    const { enum: _keyEnum, ...rest } = keyShape;
    open = rest as Shape;
    openKeyShapes.set(keyShape, open);
  }
  return open;
}

class Walker {
  readonly violations: string[] = [];
  count = 0;

  constructor(private readonly model: ServiceModel) {}

  value(shape: Shape, value: unknown, path: string, sensitive: boolean): void {
    const hidden = sensitive || shape.sensitive === true;
    this.report(shape, value, path, hidden);
    if (shape.type === 'structure') this.structure(shape, value as Record<string, unknown>, path, hidden);
    else if (shape.type === 'list') this.list(shape, value as unknown[], path, hidden);
    else if (shape.type === 'map') this.map(shape, value as Record<string, unknown>, path, hidden);
  }

  structure(shape: Shape, value: Record<string, unknown>, path: string, sensitive: boolean): void {
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const memberPath = path ? `${path}.${lowerFirst(name)}` : lowerFirst(name);
      const child = Object.hasOwn(value, name) ? value[name] : undefined;
      if (child === undefined || child === null) {
        if (shape.required?.includes(name)) this.add('Value null', memberPath, 'Member must not be null');
        continue;
      }
      this.value(this.model.getShape(ref.shape), child, memberPath, sensitive);
    }
  }

  list(shape: Shape, items: unknown[], path: string, sensitive: boolean): void {
    const member = this.model.getShape((shape.member as { shape: string }).shape);
    if (isContainer(member)) {
      items.forEach((item, i) => {
        if (item !== null && item !== undefined) this.value(member, item, `${path}.${i + 1}.member`, sensitive);
      });
      return;
    }
    const failed = this.failingConstraintList(member, items);
    if (failed) this.add(this.valuePart(shape, items, sensitive), path, `Member must satisfy constraint: ${failed}`);
  }

  map(shape: Shape, entries: Record<string, unknown>, path: string, sensitive: boolean): void {
    const keyShape = this.model.getShape((shape.key as { shape: string }).shape);
    const valueShape = this.model.getShape((shape.value as { shape: string }).shape);
    // Map-key enums are not enforced: Glue documents Salesforce's INSTANCE_URL property, which
    // the model's ConnectionPropertyKey enum lacks, so the service must accept keys beyond it [INF].
    const badKeys = this.failingConstraintList(openKeyShape(keyShape), Object.keys(entries));
    if (badKeys) this.add('Value', path, `Map keys must satisfy constraint: ${badKeys}`);
    if (isContainer(valueShape)) {
      for (const [key, item] of Object.entries(entries)) {
        if (item !== null && item !== undefined) this.value(valueShape, item, `${path}.${key}`, sensitive);
      }
      return;
    }
    const badValues = this.failingConstraintList(valueShape, Object.values(entries));
    if (badValues) this.add('Value', path, `Map value must satisfy constraint: ${badValues}`);
  }

  /**
   * `[every constraint of the shape]` if any item breaks one of them, as AWS lists them. The
   * first broken constraint settles an item: max length comes first, so a too-long item is
   * never matched against the pattern.
   */
  private failingConstraintList(shape: Shape, items: readonly unknown[]): string | undefined {
    const constraints = constraintsOf(shape);
    const fails = items.some((item) => {
      if (item === null || item === undefined) return false;
      const measured = blobAwareValue(shape, item);
      return constraints.some((c) => !c.isSatisfiedBy(measured));
    });
    return fails ? `[${constraints.map((c) => c.message).join(', ')}]` : undefined;
  }

  private report(shape: Shape, value: unknown, path: string, sensitive: boolean): void {
    const measured = blobAwareValue(shape, value);
    let tooLong = false;
    for (const constraint of constraintsOf(shape)) {
      if (constraint.kind === 'pattern' && tooLong) continue;
      if (constraint.isSatisfiedBy(measured)) continue;
      tooLong ||= constraint.kind === 'max';
      this.add(this.valuePart(shape, value, sensitive), path, constraint.message);
    }
  }

  /** `Value 'x'`, or bare `Value` when the value must not or cannot be printed as AWS would. */
  private valuePart(shape: Shape, value: unknown, sensitive: boolean): string {
    // A blob would print as Java's ByteBuffer.toString(), which nobody could reproduce.
    if (sensitive || shape.sensitive || shape.type === 'blob') return 'Value';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `Value ${quoteValue(String(value))}`;
    if (!Array.isArray(value)) return 'Value';
    const member = this.model.getShape((shape.member as { shape: string }).shape);
    const printable = value.every((item) => ['string', 'number', 'boolean'].includes(typeof item));
    return printable && !member.sensitive ? `Value ${quoteValue(`[${joinUpTo(value, MAX_QUOTED_VALUE + 1)}]`)}` : 'Value';
  }

  private add(valuePart: string, path: string, message: string): void {
    this.count++;
    if (this.violations.length >= MAX_LISTED_VIOLATIONS) return;
    this.violations.push(`${valuePart} at '${path}' failed to satisfy constraint: ${message}`);
  }
}

function isContainer(shape: Shape): boolean {
  return shape.type === 'structure' || shape.type === 'list' || shape.type === 'map';
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
