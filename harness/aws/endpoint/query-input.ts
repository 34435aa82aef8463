import { setOwn } from '../../redaction/index.ts';
import type { ServiceModel } from '../model/service-model.ts';
import type { Shape, ShapeRef } from '../model/shape.ts';
import { AwsError } from './aws-error.ts';
import type { QueryParamNode, QueryParams } from './query-params.ts';

/**
 * An operation's input from EC2 query parameters, as the model shapes it: the same member names
 * and JSON types a JSON-protocol handler receives, so one validator and one handler type serve
 * both. Follows botocore's EC2 serializer in reverse:
 * - a member's name on the wire is its `queryName`, else its `locationName` with the first letter
 *   upper-cased, else the member name (`Description` travels as `GroupDescription`);
 * - every list is flattened, 1-based, whatever its member's locationName: `VpcId.1`,
 *   `Filter.1.Value.2`; entries come back in index order (gaps allowed);
 * - booleans are `true`/`false`, numbers decimal, timestamps ISO 8601.
 * The walk follows the model, so it is never deeper than the model. Unknown parameters are
 * refused, as EC2 refuses them (`UnknownParameter`, unlike JSON services, which ignore them).
 */
export function decodeQueryInput(model: ServiceModel, operation: string, params: QueryParams): Record<string, unknown> {
  const input = decodeStructure(model, model.getInputShape(operation), params.root);
  const unknown = params.firstUnknown();
  // "The parameter Item is not recognized": aws/aws-cli#48, aws/aws-sdk-js#57 [OBS].
  if (unknown !== undefined) throw new AwsError('UnknownParameter', `The parameter ${unknown} is not recognized`);
  return input;
}

/** The name EC2 uses for a parameter in its messages: `routeTableId` (aws-cli issues quoting MissingParameter) [OBS]. */
export function parameterLabel(memberName: string, ref: ShapeRef): string {
  const name = ref.locationName ?? memberName;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function wireName(memberName: string, ref: ShapeRef): string {
  if (ref.queryName) return ref.queryName;
  if (ref.locationName) return ref.locationName.charAt(0).toUpperCase() + ref.locationName.slice(1);
  return memberName;
}

function decodeStructure(model: ServiceModel, shape: Shape, node: QueryParamNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [memberName, ref] of Object.entries(shape.members ?? {})) {
    const child = node.child(wireName(memberName, ref));
    if (!child) continue;
    const value = decode(model, model.getShape(ref.shape), child, parameterLabel(memberName, ref));
    if (value !== undefined) setOwn(out, memberName, value);
  }
  for (const required of shape.required ?? []) {
    if (Object.hasOwn(out, required)) continue;
    const ref = shape.members?.[required];
    const label = ref ? parameterLabel(required, ref) : required;
    // "The request must contain the parameter routeTableId" (prabhatsharma/kubernetes-the-hard-way-aws#5) [OBS].
    throw new AwsError('MissingParameter', `The request must contain the parameter ${label}`);
  }
  return out;
}

function decode(model: ServiceModel, shape: Shape, node: QueryParamNode, label: string): unknown {
  node.recognized = true;
  switch (shape.type) {
    case 'structure':
      return decodeStructure(model, shape, node);
    case 'list':
      return decodeList(model, shape, node, label);
    case 'map':
      // No EC2 operation emulated here takes a map; its parameters stay unknown.
      node.recognized = false;
      return undefined;
    default:
      return decodeScalar(shape, node, label);
  }
}

const LIST_INDEX = /^[1-9][0-9]{0,8}$/;

function decodeList(model: ServiceModel, shape: Shape, node: QueryParamNode, label: string): unknown[] {
  const member = model.getShape(shape.member!.shape);
  const entries: [number, QueryParamNode][] = [];
  for (const [segment, child] of node.children) if (LIST_INDEX.test(segment)) entries.push([Number(segment), child]);
  entries.sort((a, b) => a[0] - b[0]);
  return entries.map(([, child]) => decode(model, member, child, label)).filter((value) => value !== undefined);
}

function decodeScalar(shape: Shape, node: QueryParamNode, label: string): unknown {
  const raw = node.value;
  if (raw === undefined) return undefined;
  node.read = true;
  switch (shape.type) {
    case 'boolean':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw invalidValue(raw, label);
    case 'integer':
    case 'long':
      if (/^-?[0-9]{1,15}$/.test(raw)) return Number(raw);
      throw invalidValue(raw, label);
    case 'float':
    case 'double': {
      const number = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(number)) return number;
      throw invalidValue(raw, label);
    }
    case 'timestamp': {
      const time = Date.parse(raw);
      if (Number.isFinite(time)) return time / 1000;
      throw invalidValue(raw, label);
    }
    default:
      return raw;
  }
}

/** "Value (us-east-1c) for parameter availabilityZone is invalid. …" is EC2's form (kz8s/tack#67) [OBS]; this shorter use of it is ours [INF]. */
function invalidValue(raw: string, label: string): AwsError {
  const shown = raw.length > 256 ? `${raw.slice(0, 256)}...` : raw;
  return new AwsError('InvalidParameterValue', `Value (${shown}) for parameter ${label} is invalid.`);
}
