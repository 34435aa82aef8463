import { XMLBuilder } from 'fast-xml-parser';
import type { ServiceModel } from '../model/service-model.ts';
import type { Shape } from '../model/shape.ts';

/**
 * EC2's XML answers, written from the model rather than by hand per operation:
 * `<CreateVpcResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>
 * <vpc>…</vpc></CreateVpcResponse>`. Elements are named by each member's locationName; lists
 * nest their entries (`<vpcSet><item>…</item></vpcSet>`, the member's locationName) unless the
 * model flattens them; booleans are `true`/`false`, timestamps ISO 8601. Members the model does
 * not declare are left out, so a handler cannot put anything on the wire that the SDKs would not
 * read. fast-xml-parser escapes the text.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: false, processEntities: true });

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export const EC2_XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

export function ec2ResultXml(model: ServiceModel, operation: string, output: unknown, requestId: string): string {
  const outputRef = model.getOperation(operation).output;
  const body: Record<string, unknown> = { '@_xmlns': `${model.metadata.xmlNamespace ?? ''}/`, requestId };
  if (outputRef) Object.assign(body, structure(model, model.getShape(outputRef.shape), output));
  return DECLARATION + builder.build({ [`${operation}Response`]: body });
}

/** EC2's error document (boto/boto#1282 quotes one verbatim) [OBS]. */
export function ec2ErrorXml(code: string, message: string, requestId: string): string {
  return DECLARATION + builder.build({ Response: { Errors: { Error: { Code: text(code), Message: text(message) } }, RequestID: requestId } });
}

function structure(model: ServiceModel, shape: Shape, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    if (member === undefined || member === null) continue;
    const memberShape = model.getShape(ref.shape);
    const element = ref.locationName ?? name;
    if (memberShape.type === 'list' && memberShape.flattened) out[element] = listEntries(model, memberShape, member);
    else out[element] = node(model, memberShape, member);
  }
  return out;
}

function node(model: ServiceModel, shape: Shape, value: unknown): unknown {
  switch (shape.type) {
    case 'structure':
      return structure(model, shape, value);
    case 'list': {
      const entries = listEntries(model, shape, value);
      return entries.length === 0 ? '' : { [shape.member?.locationName ?? 'member']: entries };
    }
    case 'map':
      // No EC2 answer emulated here has a map.
      return '';
    case 'timestamp':
      return text(value instanceof Date ? value.toISOString() : new Date(Number(value) * 1000).toISOString());
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return text(String(value));
  }
}

function listEntries(model: ServiceModel, shape: Shape, value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  const member = model.getShape(shape.member!.shape);
  return value.filter((entry) => entry !== undefined && entry !== null).map((entry) => node(model, member, entry));
}

/**
 * Characters XML 1.0 cannot carry even escaped (a control character in a name someone sent)
 * become U+FFFD, so every answer parses.
 */
function text(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd');
}
