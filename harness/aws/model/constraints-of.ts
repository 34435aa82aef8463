import { compileJavaPattern, type JavaPattern } from './compile-java-pattern.ts';
import type { Shape } from './shape.ts';

/** One model constraint with AWS's wording for it. */
export interface Constraint {
  readonly kind: 'max' | 'min' | 'pattern' | 'enum';
  readonly message: string;
  readonly isSatisfiedBy: (value: unknown) => boolean;
}

const compiledPatterns = new Map<string, JavaPattern | undefined>();
/** Shapes are model data loaded once, so their constraints are built once too. */
const constraintsByShape = new WeakMap<Shape, Constraint[]>();

function compiled(pattern: string): JavaPattern | undefined {
  if (!compiledPatterns.has(pattern)) compiledPatterns.set(pattern, compileJavaPattern(pattern));
  return compiledPatterns.get(pattern);
}

/**
 * The constraints of a shape, in the order AWS lists them. The order comes from real
 * `Map value must satisfy constraint: [...]` messages (CodePipeline, aws-quickstart/
 * quickstart-taskcat-ci#60 and hashicorp/terraform-provider-aws#41023), which list max length
 * before min length; pattern and enum come after (recollection of IAM tag-key messages, unverified).
 *
 * Lengths are UTF-16 units (Java's String.length()), blob lengths decoded bytes, list and map
 * lengths their entry counts: AWS words all of them "Member must have length ...".
 */
export function constraintsOf(shape: Shape): readonly Constraint[] {
  let constraints = constraintsByShape.get(shape);
  if (!constraints) {
    constraints = buildConstraints(shape);
    constraintsByShape.set(shape, constraints);
  }
  return constraints;
}

function buildConstraints(shape: Shape): Constraint[] {
  const constraints: Constraint[] = [];
  const numeric = ['integer', 'long', 'float', 'double'].includes(shape.type);
  const measure = numeric ? (value: unknown) => Number(value) : sizeOf;
  const noun = numeric ? 'value' : 'length';
  if (shape.max !== undefined) {
    const max = shape.max;
    constraints.push({
      kind: 'max',
      message: `Member must have ${noun} less than or equal to ${max}`,
      isSatisfiedBy: (value) => !(measure(value) > max),
    });
  }
  if (shape.min !== undefined) {
    const min = shape.min;
    constraints.push({
      kind: 'min',
      message: `Member must have ${noun} greater than or equal to ${min}`,
      isSatisfiedBy: (value) => !(measure(value) < min),
    });
  }
  const regexp = shape.pattern === undefined ? undefined : compiled(shape.pattern);
  // An untranslatable pattern is skipped (see compileJavaPattern): better to accept a value AWS
  // would reject than to reject one it accepts.
  if (shape.type === 'string' && shape.pattern !== undefined && regexp) {
    constraints.push({
      kind: 'pattern',
      message: `Member must satisfy regular expression pattern: ${shape.pattern}`,
      isSatisfiedBy: (value) => typeof value !== 'string' || regexp.test(value),
    });
  }
  if (shape.type === 'string' && shape.enum) {
    const allowed = shape.enum;
    constraints.push({
      kind: 'enum',
      message: `Member must satisfy enum value set: [${allowed.join(', ')}]`,
      isSatisfiedBy: (value) => typeof value !== 'string' || allowed.includes(value),
    });
  }
  return constraints;
}

function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

/** Blobs travel base64-encoded in JSON 1.1; their length constraints count decoded bytes. */
export function blobAwareValue(shape: Shape, value: unknown): unknown {
  return shape.type === 'blob' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('latin1') : value;
}
